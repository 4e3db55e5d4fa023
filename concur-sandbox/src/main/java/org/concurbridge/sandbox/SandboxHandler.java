package org.concurbridge.sandbox;

/** An endpoint of a {@link SandboxModule}. Fault injection, logging and error handling are done around it. */
@FunctionalInterface
public interface SandboxHandler {
    void handle(SandboxExchange exchange) throws Exception;
}
