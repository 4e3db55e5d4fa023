package org.concurbridge.bridge;

import org.concurbridge.bridge.cli.BridgeCli;

/** The jar's entry point: the {@code erp-bridge} command line. */
public final class BridgeMain {
    private BridgeMain() {
    }

    public static void main(String[] args) {
        int exit = BridgeCli.commandLine().execute(args);
        // `serve` and a non-once `demo` keep running in non-daemon threads; everything else exits here
        if (exit != 0 || !BridgeCli.keepsRunning(args)) {
            System.exit(exit);
        }
    }
}
