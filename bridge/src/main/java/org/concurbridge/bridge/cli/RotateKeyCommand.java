package org.concurbridge.bridge.cli;

import org.concurbridge.bridge.secrets.KeyRotation;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;

/** Re-encrypts every stored secret with the current key (see docs/operations.md, "Rotate the encryption key"). */
@Command(name = "rotate-key", mixinStandardHelpOptions = true,
        description = {"Rotate the encryption key of stored secrets: in key-file mode a new key is generated and the old"
                + " one kept for decryption; every secret is re-encrypted with the current key.",
                "See docs/operations.md for the procedure with a configured key."})
final class RotateKeyCommand implements Runnable {

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public void run() {
        try (ConfigurableApplicationContext ctx = Contexts.tool(springArgs.toArray(String[]::new))) {
            var running = ctx.getBean(org.concurbridge.bridge.store.ServiceInstances.class).running();
            if (!running.isEmpty()) {
                throw new IllegalStateException("a bridge service is running on this store ("
                        + running.stream().map(i -> i.name() + ", last seen " + i.heartbeatAt()).toList()
                        + "): it keeps the old key in memory. Stop every instance, then run rotate-key again.");
            }
            KeyRotation.Result result = ctx.getBean(KeyRotation.class).rotate();
            System.out.println("Current key id " + result.currentKeyId()
                    + (result.newKeyGenerated() ? " (newly generated)" : "") + "; " + result.reencrypted()
                    + " secret(s) re-encrypted.");
        }
    }
}
