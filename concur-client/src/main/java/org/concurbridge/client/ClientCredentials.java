package org.concurbridge.client;

import java.util.Objects;

/** The partner application's OAuth2 client id and secret. */
public record ClientCredentials(String clientId, Secret clientSecret) {
    public ClientCredentials {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank");
        }
        Objects.requireNonNull(clientSecret, "clientSecret");
    }
}
