package org.concurbridge.bridge;

import org.concurbridge.bridge.cli.BridgeCli;
import org.concurbridge.bridge.store.EmbeddedH2;

/** The jar's entry point: the {@code erp-bridge} command line. */
public final class BridgeMain {
    private BridgeMain() {
    }

    public static void main(String[] args) {
        EmbeddedH2.bindServersToLoopback(); // before any H2 class loads: H2 reads it once
        int exit = BridgeCli.commandLine().execute(args);
        // `serve` and a non-once `demo` keep running in non-daemon threads; everything else exits here
        if (exit != 0 || !BridgeCli.keepsRunning(args)) {
            System.exit(exit);
        }
    }
}
