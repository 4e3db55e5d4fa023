package org.concurbridge.client.extracts;

/** The answer to "start a job": created, or refused because one is already queued or running (HTTP 409). */
public sealed interface JobStart {

    /** {@code 201 Created}: the job (status {@code Queued}) and the {@code Location} header (the job URI). */
    record Created(ExtractJob job, String location) implements JobStart {
    }

    /**
     * {@code 409 Conflict}: a job of this definition is already queued or running. Poll it (from
     * {@link ExtractsClient#jobs}) instead of posting again.
     */
    record AlreadyRunning(ExtractDefinition definition, String message, String correlationId) implements JobStart {
    }
}
