package org.concurbridge.bridge.secrets;

/** A stored secret cannot be decrypted (wrong or missing key, altered value). The message never holds the value. */
public final class SecretDecryptionException extends IllegalStateException {
    SecretDecryptionException(String message) {
        super(message);
    }
}
