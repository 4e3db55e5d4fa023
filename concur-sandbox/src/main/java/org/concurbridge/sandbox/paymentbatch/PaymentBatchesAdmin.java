package org.concurbridge.sandbox.paymentbatch;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static org.concurbridge.sandbox.AdminHandlers.guarded;

import java.time.Duration;
import java.util.Map;
import org.concurbridge.sandbox.SandboxExchange;
import org.concurbridge.sandbox.SandboxRoutes;
import org.concurbridge.sandbox.extract.AdminSupport;
import org.concurbridge.sandbox.extract.FileFault;

/** {@code /admin/payment-batches/...}: the {@link PaymentBatches} Java API over HTTP. */
final class PaymentBatchesAdmin {

    private final PaymentBatches batches;

    PaymentBatchesAdmin(PaymentBatches batches) {
        this.batches = batches;
    }

    void register(SandboxRoutes routes) {
        routes.admin(GET, "/admin/payment-batches/companies/{uuid}/batches", guarded(ex ->
                ex.json(200, batches.batches(uuid(ex)))));
        routes.admin(POST, "/admin/payment-batches/companies/{uuid}/close-by-hand", guarded(ex -> {
            String currency = ex.query("currency");
            if (currency == null) {
                throw new IllegalArgumentException("query parameter 'currency' (the batch's currency) is required");
            }
            ex.json(200, batches.closeByHand(uuid(ex), currency));
        }));
        routes.admin(POST, "/admin/payment-batches/companies/{uuid}/next-batch/fault", guarded(ex -> {
            FileFault fault = AdminSupport.fault(ex);
            if (fault == null) {
                throw new IllegalArgumentException("a fault {\"kind\": ...} is required");
            }
            batches.faultNextBatch(uuid(ex), fault);
            ex.json(200, Map.of("nextBatch", fault));
        }));
        routes.admin(GET, "/admin/payment-batches/batches/{id}", guarded(ex -> ex.json(200, batches.batch(id(ex)))));
        routes.admin(GET, "/admin/payment-batches/batches/{id}/expected-journals", guarded(ex ->
                ex.json(200, batches.expectedJournals(id(ex)))));
        routes.admin(POST, "/admin/payment-batches/batches/{id}/fault", guarded(ex -> {
            batches.fault(id(ex), AdminSupport.fault(ex));
            ex.json(200, batches.batch(id(ex)));
        }));
        routes.admin(POST, "/admin/payment-batches/close-time", guarded(ex -> {
            String v = ex.query("seconds");
            long seconds;
            try {
                seconds = v == null ? 60 : Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("query parameter 'seconds' must be a whole number (got " + v + ")");
            }
            batches.closeTime(Duration.ofSeconds(seconds));
            ex.json(200, Map.of("closeSeconds", seconds));
        }));
    }

    private static String uuid(SandboxExchange ex) {
        return ex.ctx().pathParam("uuid");
    }

    private static String id(SandboxExchange ex) {
        return ex.ctx().pathParam("id");
    }
}
