package org.concurbridge.bridge;

/** The jar's entry point. For now it starts the service; the CLI (picocli) replaces it. */
public final class BridgeMain {
    private BridgeMain() {
    }

    public static void main(String[] args) {
        BridgeApplication.start(args);
    }
}
