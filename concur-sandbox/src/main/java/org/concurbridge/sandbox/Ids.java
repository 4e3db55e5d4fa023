package org.concurbridge.sandbox;

import java.util.Random;
import java.util.UUID;

/** Identifiers and token values drawn from the sandbox seed, so a run with the same seed issues the same values. */
final class Ids {

    private final Random random;

    Ids(long seed) {
        this.random = new Random(seed);
    }

    /** A version-4-shaped UUID (the format Concur uses for company ids, request and refresh tokens). */
    synchronized String uuid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    synchronized byte[] bytes(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }
}
