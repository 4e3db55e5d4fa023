package org.concurbridge.bridge.erp.tryton;

import org.concurbridge.bridge.erp.Changed;
import org.concurbridge.bridge.erp.Checkpoint;
import org.concurbridge.bridge.erp.CostObjectNode;
import org.concurbridge.bridge.erp.EntryRules;
import org.concurbridge.bridge.erp.ErpAdapter;
import org.concurbridge.bridge.erp.ErpConfig;
import org.concurbridge.bridge.erp.ErpDocumentRef;
import org.concurbridge.bridge.erp.GoodsReceipt;
import org.concurbridge.bridge.erp.JournalEntry;
import org.concurbridge.bridge.erp.PaymentStatus;
import org.concurbridge.bridge.erp.PostingResult;
import org.concurbridge.bridge.erp.PurchaseOrder;
import org.concurbridge.bridge.erp.Reversal;
import org.concurbridge.bridge.erp.Supplier;
import org.concurbridge.bridge.erp.ValidationProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tryton 6.0 over JSON-RPC. A journal entry becomes a posted {@code account.move} in the configured journal and in
 * the Tryton company of its company code ({@link TrytonCompanies}: {@code erp.tryton.companies}, else the company's
 * party code), with
 * analytic lines for cost objects, tax lines for tax codes and the second currency for foreign amounts. The
 * idempotency key is written at the head of the move's description ({@code [key] reference: description}) and
 * looked up before creating; a move whose post fails is deleted again, so no half-created document stays behind.
 * Master data comes from {@code party.party}, {@code analytic_account.account}, {@code purchase.purchase} and done
 * incoming {@code stock.move}s of every company of {@code erp.tryton.master-data-company-ids} ({@link TrytonMasterData});
 * payment status from the reconciliation of the
 * payable lines by a payment ({@link TrytonPaymentStatus}). Thread-safe.
 */
public final class TrytonErpAdapter implements ErpAdapter {

    private static final Logger log = LoggerFactory.getLogger(TrytonErpAdapter.class);

    private final ErpConfig.Tryton config;
    private final TrytonRpc rpc;
    private final TrytonMoves moves;
    private final TrytonMasterData masterData;
    private final TrytonPaymentStatus payments;

    private final TrytonCompanies companies;

    public TrytonErpAdapter(ErpConfig.Tryton config, HttpClient http) {
        this(config, http, Clock.systemUTC());
    }

    /** The clock times the re-reads of the companies ({@link TrytonCompanies#REREAD_AFTER}). */
    public TrytonErpAdapter(ErpConfig.Tryton config, HttpClient http, Clock clock) {
        this.config = config;
        this.rpc = new TrytonRpc(http, config.databaseUri(), config.user(), config.password(), config.timeout());
        this.companies = new TrytonCompanies(rpc, config, clock);
        this.moves = new TrytonMoves(rpc, config, companies);
        this.masterData = new TrytonMasterData(rpc, companies);
        this.payments = new TrytonPaymentStatus(rpc);
    }

    /** How many times the companies were read from Tryton (tests). */
    int companyReads() {
        return companies.reads();
    }

    @Override
    public String kind() {
        return "tryton";
    }

    @Override
    public List<ValidationProblem> validate(JournalEntry entry) {
        List<ValidationProblem> problems = new ArrayList<>(EntryRules.check(entry));
        problems.addAll(moves.check(entry));
        return problems;
    }

    @Override
    public PostingResult post(JournalEntry entry) {
        return postAll(List.of(entry)).get(0).get();
    }

    @Override
    public List<BatchResult> postAll(List<JournalEntry> entries) {
        return moves.postAll(entries, config.batchSize(), kind());
    }

    @Override
    public Optional<ErpDocumentRef> lookup(String idempotencyKey) {
        TrytonMoves.Found found = moves.findAnywhere(List.of(idempotencyKey)).get(idempotencyKey);
        return found == null || !found.posted() ? Optional.empty() : Optional.of(found.ref());
    }

    @Override
    public PostingResult reverse(Reversal reversal) {
        return moves.reverse(reversal);
    }

    @Override
    public List<Changed<Supplier>> suppliers(Checkpoint after, int limit) {
        return masterData.suppliers(after, limit);
    }

    @Override
    public List<Changed<CostObjectNode>> costObjects(Checkpoint after, int limit) {
        return masterData.costObjects(after, limit);
    }

    @Override
    public List<Changed<PurchaseOrder>> purchaseOrders(Checkpoint after, int limit) {
        return masterData.purchaseOrders(after, limit);
    }

    @Override
    public List<Changed<GoodsReceipt>> goodsReceipts(Checkpoint after, int limit) {
        return masterData.goodsReceipts(after, limit);
    }

    /** An entry is paid while its payable lines are reconciled by a payment: see {@link TrytonPaymentStatus}. */
    @Override
    public Map<String, PaymentStatus> paymentStatus(Collection<String> idempotencyKeys) {
        Map<TrytonCompanies.Company, Map<Long, TrytonMoves.Found>> byCompany = new LinkedHashMap<>();
        moves.findAnywhere(idempotencyKeys).values().stream().filter(TrytonMoves.Found::posted).forEach(f ->
                byCompany.computeIfAbsent(f.company(), c -> new HashMap<>()).put(f.id(), f));
        Map<String, PaymentStatus> out = new LinkedHashMap<>();
        byCompany.forEach((company, byId) -> out.putAll(payments.of(company, byId)));
        return out;
    }

    @Override
    public void close() {
        rpc.close();
        log.debug("event=erp.tryton.closed url={}", config.databaseUri());
    }
}
