package org.concurbridge.client.extracts;

import java.util.Objects;

/**
 * An extract definition (set up by SAP Concur support): its {@code id} (a URI with an encrypted id), its name
 * ({@code Standard Accounting Extract}…) and the link to create and list its jobs. Links are kept as Concur sent them
 * (trimmed): official samples hold characters a strict URI parser refuses.
 */
public record ExtractDefinition(String id, String name, String jobLink) {

    public ExtractDefinition {
        Objects.requireNonNull(id, "id");
    }

    /**
     * The link to POST a job to and list jobs from: {@code job-link}, with {@code /job} appended when it lacks it
     * (two definitions of the official list sample print the definition URI there; the documented rule is that
     * {@code job-link} creates jobs); the definition id + {@code /job} when absent.
     */
    public String jobsLink() {
        String base = jobLink == null ? id : jobLink;
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base.endsWith("/job") ? base : base + "/job";
    }
}
