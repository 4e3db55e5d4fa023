package org.concurbridge.bridge.secrets;

import org.concurbridge.client.Secret;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts secrets for storage: AES-256-GCM with a random 96-bit nonce per value and a 128-bit tag. A stored value
 * reads {@code v1:<key id>:<base64url(nonce || ciphertext || tag)>}; the key id (first 8 hex digits of the key's
 * SHA-256) lets a value be decrypted with the right key while keys are rotated. The caller's {@code context} (for
 * example {@code connections.refresh_token:<company uuid>}) is bound into the tag as associated data, so a value copied
 * into another row does not decrypt. Errors never contain the value.
 */
public final class SecretBox {
    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private volatile Keyring keys;

    public SecretBox(Keyring keys) {
        this.keys = keys;
    }

    /** Encrypts {@code value} with the current key, bound to {@code context}. */
    public String encrypt(Secret value, String context) {
        Keyring.Key key = keys.current();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(key.id(), context));
            byte[] sealed = cipher.doFinal(value.reveal().getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return VERSION + ":" + key.id() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Decrypts a value written by {@link #encrypt} for the same {@code context}.
     *
     * @throws SecretDecryptionException when the value is malformed, was encrypted with a key that is not configured,
     *                                   or does not authenticate (wrong key, altered, or moved to another context)
     */
    public Secret decrypt(String stored, String context) {
        String[] parts = stored == null ? new String[0] : stored.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new SecretDecryptionException("stored secret for " + context
                    + " is not in the expected format v1:<key id>:<data>");
        }
        Keyring.Key key = keys.find(parts[1]).orElseThrow(() -> new SecretDecryptionException(
                "stored secret for " + context + " was encrypted with key id " + parts[1]
                        + ", which is not configured (configured key ids: " + keys.ids()
                        + "); configure that key as current or previous key"));
        byte[] data;
        try {
            data = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new SecretDecryptionException("stored secret for " + context + " is not valid base64");
        }
        if (data.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretDecryptionException("stored secret for " + context + " is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(aad(key.id(), context));
            byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            return Secret.of(new String(plain, StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            throw new SecretDecryptionException("stored secret for " + context + " does not authenticate with key id "
                    + key.id() + ": the key is wrong or the stored value was altered");
        } catch (GeneralSecurityException e) {
            throw new SecretDecryptionException("stored secret for " + context + " could not be decrypted: "
                    + e.getClass().getSimpleName());
        }
    }

    /** True when {@code stored} is encrypted with the current key (rotation skips those). */
    public boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(VERSION + ":" + keys.current().id() + ":");
    }

    /** Id of the key new values are encrypted with. */
    public String currentKeyId() {
        return keys.current().id();
    }

    /** Switches keys (key rotation): encrypts with the new current key from now on. */
    void use(Keyring newKeys) {
        this.keys = newKeys;
    }

    private static byte[] aad(String keyId, String context) {
        return (VERSION + ":" + keyId + ":" + context).getBytes(StandardCharsets.UTF_8);
    }
}
