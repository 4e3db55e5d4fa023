package org.concurbridge.bridge.masterdata.sync;

import org.concurbridge.bridge.masterdata.store.RunCounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/** Content hashes, retry backoff and run counters shared by the list and vendor engines. */
final class SyncSupport {
    private SyncSupport() {
    }

    /** sha-256 (first 16 bytes, hex) of the parts joined by a separator no text contains. */
    static String hash(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                md.update((p == null ? "\u0000null" : p).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 1);
            }
            return HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** When a failed item is tried again: {@code base × 2^(attempts-1)}, at most {@code max}. */
    static Instant nextAttempt(Instant now, int attempts, Duration base, Duration max) {
        Duration wait = base;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return now.plus(wait.compareTo(max) > 0 ? max : wait);
    }

    /** Mutable figures of one target during a run. */
    static final class Counts {
        int created;
        int updated;
        int deleted;
        int unchanged;
        int failed;

        RunCounts snapshot() {
            return new RunCounts(created, updated, deleted, unchanged, failed);
        }
    }
}
