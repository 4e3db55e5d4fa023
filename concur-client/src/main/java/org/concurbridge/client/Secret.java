package org.concurbridge.client;

import java.util.Objects;

/**
 * A credential value (token, client secret). {@link #toString()} never reveals it, so a secret that ends up in a
 * log line, an exception message or a page shows as {@code [hidden]}.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("secret value must not be blank");
        }
        return new Secret(value);
    }

    /** The clear value. Call only where it is sent over the wire or encrypted for storage. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "[hidden]";
    }
}
