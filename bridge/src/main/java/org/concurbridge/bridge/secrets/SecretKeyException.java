package org.concurbridge.bridge.secrets;

/**
 * The encryption key cannot be used: the key file is missing, unreadable, too open, corrupted or of the wrong length,
 * or a configured key is not valid base64 of 32 bytes. The message names the file or setting and what is wrong;
 * it never contains key material.
 */
public final class SecretKeyException extends IllegalStateException {
    private final String action;

    SecretKeyException(String message, String action) {
        super(message);
        this.action = action;
    }

    /** What the operator should do about it. */
    public String action() {
        return action;
    }
}
