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
     * Key-file mode: generates a new key and makes it current. Crash-safe in three steps: (1) the key file is rewritten
     * as "new key, then the old keys", (2) every stored secret is re-encrypted with the new key, (3) the key file is
     * rewritten with the new key only. Running it again after a crash completes the rotation.
     *
     * @return the new key id
     * @throws IllegalStateException when the key is configured with {@code bridge.secrets.key} (then rotate by
     *                               configuration and call {@link #reencryptAll()}, see docs/operations.md)
     */
    public synchronized String rotateKeyFile() {
        if (settings.key() != null) {
            throw new IllegalStateException("the encryption key is set by bridge.secrets.key, not a key file: set the "
                    + "new key as bridge.secrets.key and the old one in bridge.secrets.previous-keys, start the bridge "
                    + "and run the re-encryption (docs/operations.md, 'Rotate the encryption key')");
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
            return box.currentKeyId();
        } catch (IOException e) {
            throw new IllegalStateException("cannot rewrite encryption key file " + settings.keyFile() + ": "
                    + e.getClass().getSimpleName() + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Re-encrypts every stored secret that is not under the current key with the current key (values under a previous
     * key must still be decryptable, i.e. that key configured as a previous key).
     *
     * @return how many values were rewritten
     */
    public synchronized int reencryptAll() {
        int total = stores.orderedStream().mapToInt(s -> s.reencrypt(box)).sum();
        log.info("event=secrets_reencrypted currentKeyId={} rewritten={}", box.currentKeyId(), total);
        return total;
    }
}
