package org.concurbridge.sandbox.paymentbatch;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.concurbridge.sandbox.LegacyLinks;
import org.concurbridge.sandbox.SandboxCompany;
import org.concurbridge.sandbox.SandboxExchange;
import org.concurbridge.sandbox.SandboxModule;
import org.concurbridge.sandbox.SandboxRoutes;
import org.concurbridge.sandbox.SandboxState;
import org.concurbridge.sandbox.extract.ClassicCaller;
import org.concurbridge.sandbox.extract.ExtractFile;
import org.concurbridge.sandbox.extract.ExtractFiles;
import org.concurbridge.sandbox.extract.FileFault;
import org.concurbridge.sandbox.extract.Xml;
import org.concurbridge.sandbox.fis.ExpectedJournal;
import org.concurbridge.sandbox.fis.Fis;
import org.concurbridge.sandbox.fis.FisDocType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payment Batches v1.1 / v1.2 (payment-batches-v1.md), Standard Edition: one OPEN employee batch per reimbursement
 * currency holding the expense reports and cash advances that became extractable (FIS documents) since its previous
 * close; asynchronous close (v1.2, done after {@link #closeTime} on the sandbox clock), synchronous close with
 * {@code File-Url} (v1.1; for a closed batch it regenerates the file), the SAE file download, the documented 500 for a
 * batch with no reports, and batches closed "by hand" through the Java/admin API. Java API {@code sb.paymentBatches()}.
 */
public final class PaymentBatches implements SandboxModule {

    public static final String NAMESPACE = "http://www.concursolutions.com/api/expense/paymentbatch/2011/11";
    static final String BASE = "/api/expense/paymentbatch";
    static final String PAYMENT_METHOD = "Company Check (via Accounts Payable)";
    private static final Logger log = LoggerFactory.getLogger(PaymentBatches.class);
    private static final Set<FisDocType> TYPES = EnumSet.of(FisDocType.EXPENSE, FisDocType.CASH_ADVANCE);

    private final ExtractFiles files;
    private SandboxState state;
    private volatile Duration closeTime = Duration.ofSeconds(60);
    /** Guarded by {@code this}. */
    private final Map<String, Batch> batches = new LinkedHashMap<>();
    private final Map<String, String> fileKeys = new HashMap<>();
    private final Map<String, Set<String>> taken = new HashMap<>();
    private final Map<String, Long> fileNumbers = new HashMap<>();
    private final Map<String, FileFault> nextFault = new HashMap<>();

    private static final class Batch {
        final String batchId;
        final String urlKey;
        final SandboxCompany company;
        final String currency;
        List<String> fisIds = List.of();
        Instant closeRequested;
        Instant closesAt;
        String jobQueueKey;
        Long fileNumber;
        boolean byHand;
        FileFault fault;
        final List<String> fileKeys = new ArrayList<>();
        private List<String> totalOf;
        private BigDecimal total;

        Batch(String batchId, String urlKey, SandboxCompany company, String currency) {
            this.batchId = batchId;
            this.urlKey = urlKey;
            this.company = company;
            this.currency = currency;
        }

        String status(Instant now) {
            if (closesAt == null) {
                return PaymentBatch.OPEN;
            }
            return now.isBefore(closesAt) ? PaymentBatch.CLOSING : PaymentBatch.CLOSED;
        }

        String name() {
            return currency + ": Employees Batch Paid by " + PAYMENT_METHOD;
        }

        /** The total of these documents, computed again only when they change (it renders their SAE rows). */
        synchronized BigDecimal total(List<String> ids, Supplier<BigDecimal> compute) {
            if (!ids.equals(totalOf)) {
                total = compute.get();
                totalOf = ids;
            }
            return total;
        }
    }

    public PaymentBatches(Fis fis) {
        this.files = new ExtractFiles(Objects.requireNonNull(fis, "fis"));
    }

    @Override
    public void register(SandboxRoutes routes, SandboxState sandboxState) {
        this.state = sandboxState;
        routes.geo(GET, BASE + "/v1.1/batchlist", ex -> xml(ex, c -> list(c, null)));
        routes.geo(GET, BASE + "/v1.1/batchlist/{status}", ex -> xml(ex, c -> list(c, ex.ctx().pathParam("status"))));
        routes.geo(POST, BASE + "/v1.2/batch/{key}/close", ex -> xml(ex, this::closeAsync));
        routes.geo(POST, BASE + "/v1.1/batch/{key}/close", ex -> xml(ex, this::closeSync));
        routes.geo(GET, BASE + "/v1.1/batch/{key}/file", ex -> xml(ex, this::file));
        new PaymentBatchesAdmin(this).register(routes);
    }

    // =================================================================== Java API

    /** Every batch of the company (OPEN ones first brought up to date with the extractable documents). */
    public List<PaymentBatch> batches(String companyUuid) {
        SandboxCompany company = company(companyUuid);
        List<Batch> list;
        synchronized (this) {
            refresh(company);
            list = batches.values().stream().filter(b -> b.company.uuid().equals(company.uuid())).toList();
        }
        return list.stream().map(this::view).toList();
    }

    public PaymentBatch batch(String batchId) {
        return view(requireBatch(batchId));
    }

    /**
     * Closes the company's OPEN batch of {@code currency} the way a user does in Payment Manager: at once, without
     * the API. Throws {@link IllegalStateException} when that batch has no reports.
     */
    public PaymentBatch closeByHand(String companyUuid, String currency) {
        SandboxCompany company = company(companyUuid);
        Batch b;
        synchronized (this) {
            refresh(company);
            b = batches.values().stream().filter(x -> x.company.uuid().equals(company.uuid())
                    && x.currency.equals(currency) && x.closesAt == null).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no OPEN " + currency + " batch for company "
                            + company.uuid()));
            if (b.fisIds.isEmpty()) {
                throw new IllegalStateException("the " + currency + " batch has no reports to close");
            }
            close(b, Duration.ZERO);
            b.byHand = true;
        }
        return view(b);
    }

    /** The SAE file of a closed batch (what its {@code File-Url} serves, before any zip fault). */
    public ExtractFile batchFile(String batchId) {
        Batch b = requireBatch(batchId);
        if (b.fileNumber == null) {
            throw new IllegalStateException("batch " + batchId + " is not closed");
        }
        return render(b);
    }

    /** Expected journal per report key of a closed batch's documents. */
    public Map<String, ExpectedJournal> expectedJournals(String batchId) {
        return files.expectedJournals(batchFile(batchId).documents());
    }

    /** A fault for a batch's file ({@code null} removes it). */
    public void fault(String batchId, FileFault fault) {
        requireBatch(batchId).fault = fault;
    }

    /** The next batch of the company to close gets this file fault. */
    public synchronized void faultNextBatch(String companyUuid, FileFault fault) {
        nextFault.put(company(companyUuid).uuid(), Objects.requireNonNull(fault, "fault"));
    }

    /** How long an asynchronous (v1.2) close takes on the sandbox clock; default 60 s. */
    public void closeTime(Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("close time must be zero or positive (got " + value + ")");
        }
        this.closeTime = value;
    }

    // =================================================================== HTTP API

    private static final ClassicCaller.Rules RULES = new ClassicCaller.Rules(NAMESPACE, "PAYBAT", true,
            "Payment Batches are for Concur Expense Standard Edition companies; use"
                    + " Extracts.");

    private static void xml(SandboxExchange ex, Consumer<ClassicCaller> handler) {
        ClassicCaller.serve(ex, RULES, handler);
    }

    private void list(ClassicCaller c, String filter) {
        String wanted = filter == null || filter.isBlank() ? null : filter.trim().toUpperCase(Locale.ROOT);
        if (wanted != null && !wanted.equals(PaymentBatch.OPEN) && !wanted.equals(PaymentBatch.CLOSED)) {
            throw new Xml.Failure(400, NAMESPACE, "The batch status must be OPEN or CLOSED (got '" + filter + "').");
        }
        String base = LegacyLinks.HTTPS + BASE + "/v1.1/batch/";
        Xml x = Xml.root("BatchList", NAMESPACE);
        for (PaymentBatch b : batches(c.company().uuid())) {
            String listed = PaymentBatch.CLOSED.equals(b.status()) ? PaymentBatch.CLOSED : PaymentBatch.OPEN;
            if (wanted != null && !wanted.equals(listed)) {
                continue;
            }
            x.open("BatchSummary").el("BatchName", b.name()).el("BatchID", b.batchId())
                    .el("BatchTotal", b.total().toPlainString()).el("Currency", b.currency())
                    .el("Count", b.count()).el("Type", b.type()).el("PaymentMethod", b.paymentMethod())
                    .el("Batch-URL", base + b.urlKey()).close("BatchSummary");
        }
        Xml.send(c.ex().ctx(), 200, x.end("BatchList"));
    }

    private void closeAsync(ClassicCaller c) {
        Batch b = requireBatch(c);
        String jobQueueKey;
        String status;
        synchronized (this) {
            refresh(c.company());
            if (b.closesAt == null) {
                requireReports(b);
                close(b, closeTime);
            }
            jobQueueKey = b.jobQueueKey;
            status = b.status(state.clock().instant());
        }
        Xml.send(c.ex().ctx(), 200, Xml.root("BatchStatus", NAMESPACE)
                .el("BatchStatus", PaymentBatch.CLOSED.equals(status) ? PaymentBatch.CLOSED : PaymentBatch.OPEN)
                .el("Status", "SUCCESS").el("JobQueueKey", jobQueueKey).end("BatchStatus"));
    }

    private void closeSync(ClassicCaller c) {
        Batch b = requireBatch(c);
        String key;
        synchronized (this) {
            refresh(c.company());
            Instant now = state.clock().instant();
            if (b.closesAt == null) {
                requireReports(b);
                close(b, Duration.ZERO);
            } else if (now.isBefore(b.closesAt)) {
                b.closesAt = now;
            }
            key = ExtractFiles.newId(state.newUuid());
            b.fileKeys.add(key);
            fileKeys.put(key, b.batchId);
        }
        log.info("paymentbatch.file company={} batch={} fileNumber={} regenerated={}", c.company().uuid(), b.batchId,
                b.fileNumber, b.fileKeys.size() > 1);
        String fileUrl = LegacyLinks.HTTP + BASE + "/v1.1/batch/" + key + "/file";
        Xml.send(c.ex().ctx(), 200, Xml.root("BatchStatus", NAMESPACE).el("BatchStatus", PaymentBatch.CLOSED)
                .el("File-Url", fileUrl).el("Status", "SUCCESS").el("JobQueueKey", b.jobQueueKey).end("BatchStatus"));
    }

    private void file(ClassicCaller c) {
        String batchId;
        synchronized (this) {
            batchId = fileKeys.get(c.ex().ctx().pathParam("key"));
        }
        Batch b = batchId == null ? null : requireBatch(batchId);
        if (b == null || !b.company.uuid().equals(c.company().uuid())) {
            throw new Xml.Failure(400, NAMESPACE, "The batch id in the URI is invalid.");
        }
        ExtractFile f = render(b);
        boolean zip = b.fault != null && b.fault.kind() == FileFault.Kind.UNEXPECTED_ZIP_MEMBER;
        byte[] body = zip ? ExtractFiles.zip(List.of(f), true) : f.content().getBytes(StandardCharsets.UTF_8);
        c.ex().ctx().status(200).contentType(zip ? "application/zip" : "text/csv").result(body);
    }

    /** The documented failure: 500 when the batch holds no reports (payment-batches-v1.md, Errors). */
    private static void requireReports(Batch b) {
        if (b.fisIds.isEmpty()) {
            throw new Xml.Failure(500, NAMESPACE, "Batch contains no reports. If reports were just approved for"
                    + " payment, wait 30 minutes and try again.");
        }
    }

    private Batch requireBatch(ClassicCaller c) {
        String key = c.ex().ctx().pathParam("key");
        synchronized (this) {
            for (Batch b : batches.values()) {
                if (b.urlKey.equals(key) && b.company.uuid().equals(c.company().uuid())) {
                    return b;
                }
            }
        }
        throw new Xml.Failure(404, NAMESPACE, "The batch id in the URI is invalid.");
    }

    // =================================================================== state

    /**
     * OPEN batches take every extractable document of their currency not yet in a closed batch; a currency without an
     * OPEN batch gets one. Caller holds the lock.
     */
    private void refresh(SandboxCompany company) {
        Set<String> done = taken.computeIfAbsent(company.uuid(), k -> new HashSet<>());
        Map<String, List<String>> byCurrency = new LinkedHashMap<>();
        for (String id : files.extractable(company.uuid(), TYPES, done)) {
            byCurrency.computeIfAbsent(files.currency(id), k -> new ArrayList<>()).add(id);
        }
        for (Batch b : batches.values()) {
            if (b.company.uuid().equals(company.uuid()) && b.closesAt == null) {
                b.fisIds = List.copyOf(byCurrency.getOrDefault(b.currency, List.of()));
                byCurrency.remove(b.currency);
            }
        }
        byCurrency.forEach((currency, ids) -> newBatch(company, currency).fisIds = List.copyOf(ids));
    }

    private Batch newBatch(SandboxCompany company, String currency) {
        Batch b = new Batch(state.newUuid(), ExtractFiles.newId(state.newUuid()).substring(1), company, currency);
        batches.put(b.batchId, b);
        return b;
    }

    /** Closes now (v1.1, by hand) or after {@code duration} (v1.2); a new empty OPEN batch replaces it. */
    private void close(Batch b, Duration duration) {
        Instant now = state.clock().instant();
        b.closeRequested = now;
        b.closesAt = now.plus(duration);
        b.jobQueueKey = ExtractFiles.newId(state.newUuid()).substring(1);
        b.fileNumber = fileNumbers.merge(b.company.uuid(), 1L, Long::sum);
        FileFault fault = nextFault.remove(b.company.uuid());
        if (fault != null) {
            b.fault = fault;
        }
        taken.computeIfAbsent(b.company.uuid(), k -> new HashSet<>()).addAll(b.fisIds);
        newBatch(b.company, b.currency);
        log.info("paymentbatch.close company={} batch={} currency={} reports={} fileNumber={} closesAt={}",
                b.company.uuid(), b.batchId, b.currency, b.fisIds.size(), b.fileNumber, b.closesAt);
    }

    private ExtractFile render(Batch b) {
        LocalDate date = LocalDate.ofInstant(b.closeRequested, ZoneOffset.UTC);
        return files.sae("extract_CES_SAE_v3_" + b.fileNumber + ".txt", b.fileNumber, date, b.fisIds, b.fault);
    }

    private PaymentBatch view(Batch b) {
        Instant now = state.clock().instant();
        List<String> ids;
        synchronized (this) {
            ids = b.fisIds;
        }
        BigDecimal total = b.total(ids, () -> files.amountDueEmployees(ids).setScale(2, RoundingMode.UNNECESSARY));
        return new PaymentBatch(b.batchId, b.urlKey, b.name(), b.currency, "Employee", PAYMENT_METHOD, b.status(now),
                ids.size(), total, b.fileNumber, b.closesAt == null || now.isBefore(b.closesAt) ? null : b.closesAt,
                b.byHand, b.fileNumber == null ? List.of() : render(b).documents(), List.copyOf(b.fileKeys), b.fault);
    }

    private synchronized Batch requireBatch(String batchId) {
        Batch b = batches.get(batchId);
        if (b == null) {
            throw new IllegalArgumentException("no payment batch " + batchId);
        }
        return b;
    }

    private SandboxCompany company(String uuid) {
        return state.company(uuid).orElseThrow(() -> new IllegalArgumentException("no company " + uuid));
    }
}
