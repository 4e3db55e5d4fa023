package org.concurbridge.sandbox;

import java.util.Objects;

/**
 * A company known to the sandbox. {@code marketingName} is what Profile v1 returns in
 * {@code com:concur:Expense:0.1.marketingName} ({@code CTE} = Professional, {@code Standard Edition} = Standard,
 * anything else = an edition the bridge must not guess); {@code geo} is its home geolocation (path prefix).
 */
public record SandboxCompany(String uuid, String name, String marketingName, String geo) {
    public SandboxCompany {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(marketingName, "marketingName");
        Objects.requireNonNull(geo, "geo");
    }
}
