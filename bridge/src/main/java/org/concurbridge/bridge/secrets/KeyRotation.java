package org.concurbridge.bridge.secrets;

import org.concurbridge.bridge.config.BridgeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Rotation of the encryption key (procedure in docs/operations.md). Run it while no other bridge instance is running:
 * instances started before the rotation keep the old key in memory.
 */
public final class KeyRotation {
    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final SecretBox box;
    private final BridgeProperties.Secrets settings;
    private final ObjectProvider<EncryptedData> stores;
    private final SecureRandom random;

    KeyRotation(SecretBox box, BridgeProperties.Secrets settings, ObjectProvider<EncryptedData> stores,
                SecureRandom random) {
        this.box = box;
        this.settings = settings;
        this.stores = stores;
        this.random = random;
    }

    /**
     * Outcome of {@link #rotate()}.
     *
     * @param currentKeyId    the key every stored secret is now encrypted with
     * @param reencrypted     how many stored values were rewritten
     * @param newKeyGenerated true when a new key was generated into the key file (key-file mode)
     */
    public record Result(String currentKeyId, int reencrypted, boolean newKeyGenerated) {
    }

    /**
     * The {@code rotate-key} routine.
     * <p>
     * Key-file mode: generates a new key and makes it current, crash-safe in three steps: (1) the key file is rewritten
     * as "new key, then the old keys", (2) every stored secret is re-encrypted with the new key, (3) the key file is
     * rewritten with the new key only. Running it again after a crash completes the rotation.
     * <p>
     * Configured-key mode ({@code bridge.secrets.key} set to the new key, the old one in
     * {@code bridge.secrets.previous-keys}): re-encrypts every stored secret with the configured key
     * ({@link #reencryptAll()}); afterwards the previous keys can be removed from the configuration.
     */
    public synchronized Result rotate() {
        if (settings.key() != null) {
            return new Result(box.currentKeyId(), reencryptAll(), false);
        }
        try {
            List<byte[]> old = KeyFile.readKeys(settings.keyFile());
            byte[] fresh = KeyFile.newKey(random);
            List<byte[]> both = new ArrayList<>();
            both.add(fresh);
            both.addAll(old);
            KeyFile.write(settings.keyFile(), both, true);
            box.use(new Keyring(fresh, old));
            int rewritten = reencryptAll();
            KeyFile.write(settings.keyFile(), List.of(fresh), true);
            box.use(new Keyring(fresh, List.of()));
            log.info("event=key_rotated file={} newKeyId={} reencrypted={}", settings.keyFile(),
                    box.currentKeyId(), rewritten);
            return new Result(box.currentKeyId(), rewritten, true);
        } catch (IOException e) {
            throw new IllegalStateException("cannot rewrite encryption key file " + settings.keyFile() + ": "
                    + e.getClass().getSimpleName() + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Re-encrypts with the current key every stored secret that is under another key (which must still be configured
     * as a previous key).
     *
     * @return how many values were rewritten
     */
    public synchronized int reencryptAll() {
        int total = stores.orderedStream().mapToInt(s -> s.reencrypt(box)).sum();
        log.info("event=secrets_reencrypted currentKeyId={} rewritten={}", box.currentKeyId(), total);
        return total;
    }
}
