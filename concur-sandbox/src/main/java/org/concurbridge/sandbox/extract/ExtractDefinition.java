package org.concurbridge.sandbox.extract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * An extract definition of a company: its encrypted id, its name and what its jobs produce. Every company has the same
 * set ({@link #standardSet(String)}); ids differ per company.
 */
public record ExtractDefinition(String id, String name, Output output) {

    public static final String SAE = "Standard Accounting Extract";
    public static final String PRAE = "Payment Request Accounting Extract";
    public static final String SAE_BY_CURRENCY = "Standard Accounting Extract - By Currency";

    /** What a job of the definition writes. */
    public enum Output {
        /** One SAE v3 file of the expense reports and cash advances ({@code text/csv}). */
        SAE_FILE,
        /** One PRAE file of the invoices ({@code text/csv}). */
        PRAE_FILE,
        /** One SAE file per reimbursement currency, zipped ({@code application/zip}). */
        SAE_ZIP_BY_CURRENCY,
        /** A definition the bridge must ignore: a one-line file that is not an accounting extract. */
        OTHER
    }

    static List<ExtractDefinition> standardSet(String companyUuid) {
        return List.of(
                of(companyUuid, SAE, Output.SAE_FILE),
                of(companyUuid, PRAE, Output.PRAE_FILE),
                of(companyUuid, SAE_BY_CURRENCY, Output.SAE_ZIP_BY_CURRENCY),
                of(companyUuid, "AMEX Remittance - US", Output.OTHER),
                of(companyUuid, "European Extract", Output.OTHER),
                of(companyUuid, "Attendee Detail Extract", Output.OTHER));
    }

    private static ExtractDefinition of(String companyUuid, String name, Output output) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((companyUuid + "/" + name).getBytes(StandardCharsets.UTF_8));
            return new ExtractDefinition("n" + ExtractFiles.encryptedId(Arrays.copyOf(hash, 18)), name, output);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a job reads documents (accounting extracts) or not (the others). */
    boolean accounting() {
        return output != Output.OTHER;
    }
}
