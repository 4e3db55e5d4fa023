package org.concurbridge.bridge.jobs;

/**
 * What a running job has done so far (documents since the run started), shown on the dashboard and by
 * {@code run-job} while it runs and kept as the run's final figures. A figure a job does not have is null.
 *
 * @param phase        where the run is, e.g. {@code expense page 3} or {@code payments}
 * @param read         documents read from SAP Concur (or from extract files)
 * @param acknowledged documents acknowledged to SAP Concur
 * @param posted       documents posted into the ERP
 * @param confirmed    documents whose posting was confirmed to SAP Concur
 * @param failed       documents that failed (retried later) or were quarantined
 */
public record RunProgress(String phase, Integer read, Integer acknowledged, Integer posted, Integer confirmed,
                          Integer failed) {

    /** One line for logs and the command line, e.g. {@code expense page 2: read 4, posted 4, failed 0}. */
    public String summary() {
        StringBuilder s = new StringBuilder(phase == null ? "" : phase + ": ");
        String sep = "";
        for (Object[] f : new Object[][] {{"read", read}, {"acknowledged", acknowledged}, {"posted", posted},
                {"confirmed", confirmed}, {"failed", failed}}) {
            if (f[1] != null) {
                s.append(sep).append(f[0]).append(' ').append(f[1]);
                sep = ", ";
            }
        }
        return s.toString();
    }
}
