package org.concurbridge.bridge.testsupport;

import org.concurbridge.bridge.secrets.Keyring;
import org.concurbridge.bridge.secrets.SecretBox;

import java.security.SecureRandom;
import java.util.List;

/** Random AES-256 keys for tests. */
public final class TestSecrets {
    private TestSecrets() {
    }

    public static byte[] randomKey() {
        byte[] key = new byte[Keyring.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    public static SecretBox randomBox() {
        return new SecretBox(new Keyring(randomKey(), List.of()));
    }
}
