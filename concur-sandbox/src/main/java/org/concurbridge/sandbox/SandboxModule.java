package org.concurbridge.sandbox;

/**
 * One capability of the sandbox (OAuth2, App Center, Profile, later FIS, Extracts, ...): registers its routes and
 * keeps its own state next to the shared {@link SandboxState}. Routes registered through {@link SandboxRoutes} get
 * fault injection, the request log, the correlation id and uniform error handling for free.
 */
@FunctionalInterface
public interface SandboxModule {
    void register(SandboxRoutes routes, SandboxState state);
}
