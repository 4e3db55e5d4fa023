package org.concurbridge.client.paymentbatch;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.concurbridge.client.ApiCalls;
import org.concurbridge.client.ConcurException;
import org.concurbridge.client.MalformedResponseException;
import org.concurbridge.client.Xml;
import org.concurbridge.client.extracts.ExtractFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;

/**
 * Payment Batches v1.1/v1.2 for one company (payment-batches-v1.md), Standard edition's way to the SAE file: list the
 * batches, close one (asynchronously with v1.2, then synchronously with v1.1 for its file URL — v1.1 on a closed
 * batch regenerates the file), download the file. XML only. Obtained from {@code ConcurClient.paymentBatches()};
 * immutable and thread-safe.
 *
 * <p>Failures are {@link ConcurException}s classified once by the client; the documented "no reports" answer to a
 * close (HTTP 500 for a batch listed with no reports, or saying so) is the typed {@link CloseResult.NoReports},
 * neither retried nor thrown; a 500 for a batch with reports ("Not Closed") is {@link ConcurException.Retriable}.
 */
public final class PaymentBatchClient {

    static final String LIST = "/api/expense/paymentbatch/v1.1/batchlist/";

    private static final Logger log = LoggerFactory.getLogger(PaymentBatchClient.class);

    private final ApiCalls calls;

    private PaymentBatchClient(ApiCalls calls) {
        this.calls = calls;
    }

    /** Used by {@code ConcurClient.paymentBatches()}. */
    public static PaymentBatchClient over(ApiCalls calls) {
        return new PaymentBatchClient(Objects.requireNonNull(calls, "calls"));
    }

    /** {@code GET …/batchlist/[OPEN|CLOSED]}: the batches, filtered by state when {@code state} is not null. */
    public List<PaymentBatch> batches(PaymentBatch.BatchState state) {
        String path = state == null ? LIST : LIST + state.name();
        List<PaymentBatch> batches = calls.xml("paymentBatchList", "GET", path, null, Set.of(),
                r -> parseList(r.xml(), state));
        log.info("concur.paymentbatch op=list state={} count={}", state == null ? "ALL" : state, batches.size());
        return batches;
    }

    /** {@code POST {Batch-URL as v1.2}/close}: schedules the close (status and job queue key only). */
    public CloseResult closeAsync(PaymentBatch batch) {
        return close("paymentBatchCloseAsync", batch, batch.v12Url() + "/close");
    }

    /**
     * {@code POST {Batch-URL}/close} (v1.1): closes the batch and creates its file, or regenerates the file of a closed
     * batch; the answer carries {@code File-Url}.
     */
    public CloseResult close(PaymentBatch batch) {
        return close("paymentBatchClose", batch, batch.v11Url() + "/close");
    }

    private CloseResult close(String op, PaymentBatch batch, String link) {
        CloseResult result = calls.xml(op, "POST", link, new byte[0], Set.of(500), r -> {
            if (r.status() == 500) {
                String message = errorMessage(r.body());
                if (!noReports(batch, message)) {
                    // the site-wide page's 500 "Not Closed": a batch with reports that could not be closed now
                    throw new ConcurException.Retriable(op + " failed: batch '" + batch.name() + "' ("
                            + batch.batchId() + ", " + batch.count() + " reports) could not be closed (HTTP 500"
                            + (message == null ? "" : ": " + message) + ")", 500, null, r.correlationId(), null,
                            null);
                }
                return new CloseResult.NoReports(batch.batchId(), "batch '" + batch.name() + "' (" + batch.batchId()
                        + ") could not be closed: it holds no reports (HTTP 500; if reports were just approved for "
                        + "payment, retry in 30 minutes)", r.correlationId());
            }
            return parseClose(r.xml(), r.correlationId());
        });
        if (result instanceof CloseResult.Accepted a) {
            log.info("concur.paymentbatch op={} batch={} status={} batchStatus={} fileUrl={}", op, batch.batchId(),
                    a.status(), a.batchStatus(), a.fileUrl() != null);
        } else {
            log.info("concur.paymentbatch op={} batch={} result=no-reports", op, batch.batchId());
        }
        return result;
    }

    /**
     * Whether a 500 to a close is the documented "no reports" answer (payment-batches-v1.md, Errors): the batch was
     * listed with {@code Count} 0, or Concur's message says so. A 500 for a batch listed with reports whose message
     * does not say "no reports" is the site-wide "Not Closed" failure, retried later.
     */
    static boolean noReports(PaymentBatch batch, String message) {
        if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("no reports")) {
            return true;
        }
        return batch.count() != null && batch.count() == 0;
    }

    /** The {@code Message} of a classic {@code Error} body, or null when the body is not one. */
    private static String errorMessage(byte[] body) {
        try {
            return Xml.text(Xml.parse(body), "Message");
        } catch (MalformedResponseException | IllegalArgumentException notXml) {
            return null;
        }
    }

    /** {@code GET {File-Url}} streamed to {@code target}: the SAE as CSV, or a zip of several files. */
    public ExtractFile download(String fileUrl, Path target) {
        ExtractFile file = ExtractFile.of(calls.download("paymentBatchFile", fileUrl, "text/csv, application/zip",
                target));
        log.info("concur.paymentbatch op=file kind={} bytes={}", file.kind(), file.bytes());
        return file;
    }

    static List<PaymentBatch> parseList(JsonNode root, PaymentBatch.BatchState state) {
        return Xml.children(root, "BatchSummary").stream().map(b -> new PaymentBatch(Xml.text(b, "BatchName"),
                Xml.required(b, "BatchID"), decimal(b, "BatchTotal"), Xml.text(b, "Currency"), integer(b, "Count"),
                Xml.text(b, "Type"), Xml.text(b, "PaymentMethod"), Xml.required(b, "Batch-URL"), state)).toList();
    }

    static CloseResult.Accepted parseClose(JsonNode root, String correlationId) {
        // the 2015 sample's root <BatchStatus> holds a child <BatchStatus>: the tree's root is the element's content
        return new CloseResult.Accepted(Xml.text(root, "Status"), Xml.text(root, "BatchStatus"),
                Xml.text(root, "File-Url"), Xml.text(root, "JobQueueKey"), correlationId);
    }

    private static BigDecimal decimal(JsonNode parent, String name) {
        String v = Xml.text(parent, name);
        try {
            return v == null ? null : new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new MalformedResponseException("element <" + name + "> is not a number: '" + v + "'", e);
        }
    }

    private static Integer integer(JsonNode parent, String name) {
        String v = Xml.text(parent, name);
        try {
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new MalformedResponseException("element <" + name + "> is not a whole number: '" + v + "'", e);
        }
    }
}
