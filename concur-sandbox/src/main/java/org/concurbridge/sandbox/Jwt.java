package org.concurbridge.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * JWT-shaped tokens (RFC 7519 compact form), HMAC-SHA256 signed with a key drawn from the sandbox seed. Real
 * Concur signs with RS256 and publishes a JWKS; the sandbox does not emulate the JWKS, so clients must not verify
 * the signature of sandbox tokens (see docs/decisions-sandbox.md). The sandbox itself never trusts a token by its
 * signature either: every token is looked up in {@link TokenRegistry}.
 */
final class Jwt {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = B64.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final byte[] key;
    private final JsonMapper json;

    Jwt(byte[] key, JsonMapper json) {
        this.key = key.clone();
        this.json = json;
    }

    String sign(Map<String, Object> claims) {
        String payload = B64.encodeToString(json.writeValueAsBytes(claims));
        String signingInput = HEADER + "." + payload;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
