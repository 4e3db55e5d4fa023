package org.concurbridge.bridge.secrets;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The current AES-256 key (encrypts) and older keys (still decrypt), each known by its key id. */
public final class Keyring {
    /** AES-256 key length in bytes. */
    public static final int KEY_BYTES = 32;

    private final Key current;
    private final Map<String, Key> byId = new LinkedHashMap<>();

    /** @param current raw bytes of the current key; {@code previous}: raw bytes of keys still accepted for decryption */
    public Keyring(byte[] current, List<byte[]> previous) {
        this.current = Key.of(current);
        byId.put(this.current.id(), this.current);
        for (byte[] p : previous) {
            Key k = Key.of(p);
            byId.putIfAbsent(k.id(), k);
        }
    }

    Key current() {
        return current;
    }

    Optional<Key> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    List<String> ids() {
        return new ArrayList<>(byId.keySet());
    }

    /** Key id: first 8 hex digits of SHA-256 of the key bytes (identifies a key without revealing it). */
    public static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    record Key(String id, SecretKey secretKey) {
        static Key of(byte[] raw) {
            if (raw.length != KEY_BYTES) {
                throw new IllegalArgumentException("AES-256 key must be " + KEY_BYTES + " bytes, got " + raw.length);
            }
            return new Key(keyId(raw), new SecretKeySpec(raw, "AES"));
        }

        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }
}
