package org.concurbridge.client;

import java.net.URI;
import java.time.Instant;

/** A usable access token and the geolocation (base URI) it must be used at. */
public record AccessToken(Secret token, URI geolocation, Instant expiresAt) {
}
