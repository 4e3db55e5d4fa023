package org.concurbridge.bridge.erp;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A request to reverse an earlier posting: a new ERP document with every line of the original on the opposite
 * side. Used for a re-approved report (reverse the earlier revision, then post the new one) and to back out a
 * document of which only part was posted.
 *
 * @param idempotencyKey key of the reversal itself (e.g. {@code <original key>#reversal})
 * @param originalKey    key the original entry was posted with
 * @param postingDate    accounting date of the reversal
 * @param description    header text of the reversal document
 */
public record Reversal(String idempotencyKey, String originalKey, LocalDate postingDate, String description) {

    public Reversal {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(originalKey, "originalKey");
        Objects.requireNonNull(postingDate, "postingDate");
    }
}
