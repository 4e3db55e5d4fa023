package org.concurbridge.bridge.erp.tryton;

import org.concurbridge.bridge.erp.Changed;
import org.concurbridge.bridge.erp.Checkpoint;
import org.concurbridge.bridge.erp.CostObjectNode;
import org.concurbridge.bridge.erp.ErpAdapter;
import org.concurbridge.bridge.erp.MasterDataStreams;
import org.concurbridge.bridge.erp.PurchaseOrder;
import org.concurbridge.bridge.erp.ErpAdapterContract;
import org.concurbridge.bridge.erp.ErpConfig;
import org.concurbridge.bridge.erp.ErpSide;
import org.concurbridge.bridge.erp.CostObject;
import org.concurbridge.bridge.erp.ErpDocumentRef;
import org.concurbridge.bridge.erp.ErpException;
import org.concurbridge.bridge.erp.JournalEntry;
import org.concurbridge.bridge.erp.JournalLine;
import org.concurbridge.bridge.erp.Partner;
import org.concurbridge.bridge.erp.PaymentStatus;
import org.concurbridge.bridge.erp.PostingResult;
import org.concurbridge.bridge.erp.Reversal;
import org.concurbridge.bridge.testsupport.LogCapture;
import org.concurbridge.bridge.testsupport.MutableClock;
import org.concurbridge.client.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract on a real trytond 6.0 (Debian packages, SQLite): the server is initialised and seeded once per test
 * JVM (template cached under target/), and this class gets its own copy of the seeded database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrytonAdapterIT extends ErpAdapterContract implements ErpSide {

    private static final Map<String, Object> CTX = Map.of("company", 1);

    private ErpConfig.Tryton config;
    private ErpAdapter adapter;
    private TrytonRpc rpc;

    @BeforeAll
    void start() {
        assertThat(TrytonServer.installed()).as("Tryton is installed (scripts/install-test-deps.sh)").isTrue();
        config = TrytonServer.shared(Clock.systemUTC()).newDatabase("contract_" + ProcessHandle.current().pid());
        adapter = new TrytonErpAdapter(config, HttpClient.newHttpClient());
        rpc = new TrytonRpc(HttpClient.newHttpClient(), config.databaseUri(), config.user(), config.password(),
                Duration.ofSeconds(60));
    }

    @AfterAll
    void stop() {
        adapter.close();
        rpc.close();
    }

    @Override
    protected ErpAdapter adapter() {
        return adapter;
    }

    @Override
    protected ErpSide erp() {
        return this;
    }

    @Override
    protected ErpAdapter unreachableAdapter() {
        return new TrytonErpAdapter(new ErpConfig.Tryton(URI.create("http://127.0.0.1:1/"), "nowhere", "admin",
                config.password(), 1, "MISC", 10, Duration.ofSeconds(2)), HttpClient.newHttpClient());
    }

    // ------------------------------------------------------------------ Tryton specifics

    private long journalId() {
        return rpc.model("account.journal", "search", CTX, List.of(List.of("code", "=", "MISC")), 0, 1, null)
                .path(0).asLong();
    }

    private long accountId(String code) {
        return rpc.model("account.account", "search", CTX, List.of(List.of("code", "=", code)), 0, 1, null)
                .path(0).asLong();
    }

    private long periodId(LocalDate d) {
        return rpc.model("account.period", "search", CTX, List.of(List.of("type", "=", "standard"),
                List.of("start_date", "<=", d), List.of("end_date", ">=", d)), 0, 1, null).path(0).asLong();
    }

    /** A draft move carrying the key, as a call that died between create and post leaves it. */
    private long leftoverDraft(String key, String debit, String credit) {
        return rpc.model("account.move", "create", CTX, List.of(Map.of("journal", journalId(),
                "period", periodId(today()), "date", today(), "description", "[" + key + "] crashed",
                "lines", List.of(List.of("create", List.of(
                        Map.of("account", accountId("6010"), "debit", new BigDecimal(debit), "credit", BigDecimal.ZERO),
                        Map.of("account", accountId("1200"), "debit", BigDecimal.ZERO,
                                "credit", new BigDecimal(credit)))))))).path(0).asLong();
    }

    @Test
    void aDraftLeftByACrashedPostIsPostedOnRetryInsteadOfDuplicated() {
        String key = "crash-" + System.nanoTime();
        long draft = leftoverDraft(key, "30.00", "30.00");
        PostingResult r = adapter.post(expenseReport(key, "6010", "CC1100", "30.00"));
        assertThat(r.alreadyPosted()).isFalse();
        assertThat(documentsWithKey(key)).isEqualTo(1);
        assertThat(rpc.model("account.move", "read", CTX, List.of(draft), List.of("state")).path(0).path("state")
                .asString()).isEqualTo("posted");
        assertThat(adapter.lookup(key)).get().extracting(ErpDocumentRef::documentNumber)
                .isEqualTo(r.document().documentNumber());
    }

    @Test
    void aMoveTrytonRefusesToPostIsDeletedSoNothingHalfCreatedRemains() {
        String key = "refused-" + System.nanoTime();
        leftoverDraft(key, "30.00", "29.00");   // unbalanced: Tryton's post raises a UserError
        assertThatThrownBy(() -> adapter.post(expenseReport(key, "6010", "CC1100", "30.00")))
                .isInstanceOf(ErpException.Permanent.class).hasMessageContaining("UserError");
        assertThat(documentsWithKey(key)).isZero();
    }

    @Test
    void foreignCurrencyTaxAndCostObjectsReachTheMoveLines() {
        String key = "fx-" + System.nanoTime();
        JournalEntry entry = new JournalEntry(key, "CB01", today(), "USD", "EUR", "INV-7", "Hotel in New York",
                List.of(JournalLine.debit("6010", new BigDecimal("110.00"), "Hotel")
                                .withCompanyAmount(new BigDecimal("100.00"))
                                .withCostObjects(CostObject.costCenter("CC1200"), CostObject.project("P-100")),
                        JournalLine.debit("1410", new BigDecimal("11.00"), "VAT").withCompanyAmount(new BigDecimal("10.00"))
                                .withTaxCode("VAT19"),
                        JournalLine.credit("2100", new BigDecimal("121.00"), "Payable")
                                .withCompanyAmount(new BigDecimal("110.00")).withPartner(Partner.employee("E1002", null))));
        adapter.post(entry);
        JsonNode lines = rpc.model("account.move.line", "search_read", CTX, List.of(List.of("move.description", "like",
                "[" + key + "]%")), 0, null, List.of(List.of("id", "ASC")), List.of("account.code", "debit", "credit",
                "amount_second_currency", "second_currency.code", "analytic_lines.account", "tax_lines.type",
                "party.code"));
        assertThat(lines).hasSize(3);
        JsonNode hotel = lines.get(0);
        assertThat(TrytonRpc.decimal(hotel.path("debit"))).isEqualByComparingTo("100.00");
        assertThat(TrytonRpc.decimal(hotel.path("amount_second_currency"))).isEqualByComparingTo("110.00");
        assertThat(hotel.path("second_currency.").path("code").asString()).isEqualTo("USD");
        assertThat(hotel.path("analytic_lines.")).hasSize(2);
        assertThat(lines.get(1).path("tax_lines.").path(0).path("type").asString()).isEqualTo("tax");
        assertThat(TrytonRpc.decimal(lines.get(2).path("amount_second_currency"))).isEqualByComparingTo("-121.00");
        assertThat(lines.get(2).path("party.").path("code").asString()).isEqualTo("E1002");
    }

    @Test
    void aPaymentUnreconciledAndCancelledInTrytonIsNoLongerPaidAndAPaymentAgainIs() {
        String key = "bounce-" + System.nanoTime();
        adapter.post(expenseReport(key, "6010", "CC1100", "64.10"));
        TrytonPayments payments = new TrytonPayments(rpc, 1);
        long payment = payments.pay(key, new BigDecimal("64.10"), today());
        assertThat(status(key).state()).isEqualTo(PaymentStatus.State.PAID);

        payments.unreconcile(payment);
        assertThat(status(key)).satisfies(s -> {
            assertThat(s.state()).isEqualTo(PaymentStatus.State.UNPAID);
            assertThat(s.paid()).isZero();
            assertThat(s.payable()).isEqualByComparingTo("64.10");
            assertThat(s.paidOn()).isNull();
            assertThat(s.reference()).isNull();
        });
        payments.cancel(payment, "Returned by the bank");   // the payment's own line is reconciled with its cancel
        assertThat(status(key).state()).isEqualTo(PaymentStatus.State.UNPAID);

        payments.pay(key, new BigDecimal("64.10"), today());
        assertThat(status(key).state()).isEqualTo(PaymentStatus.State.PAID);
    }

    @Test
    void linesGroupedForOnePaymentArePaidOnlyWhileTheGroupingLineIsPaid() {
        String a = "group-a-" + System.nanoTime();
        String b = "group-b-" + System.nanoTime();
        adapter.post(expenseReport(a, "6010", "CC1100", "50.00"));
        adapter.post(expenseReport(b, "6010", "CC1100", "30.00"));
        TrytonPayments payments = new TrytonPayments(rpc, 1);
        long balance = payments.group(List.of(a, b));
        assertThat(payments.reconciled(a)).as("Group Lines reconciles the lines, delegating to the balance").isTrue();
        assertThat(List.of(status(a), status(b))).as("grouped, not paid yet")
                .allSatisfy(s -> assertThat(s.state()).isEqualTo(PaymentStatus.State.UNPAID));

        long payment = payments.payLine(balance, new BigDecimal("80.00"), today());
        assertThat(List.of(status(a), status(b))).allSatisfy(s -> {
            assertThat(s.state()).isEqualTo(PaymentStatus.State.PAID);
            assertThat(s.paidOn()).isEqualTo(today());
            assertThat(s.reference()).isNotBlank();
        });

        payments.bounce(payment, "Returned by the bank");
        assertThat(List.of(status(a), status(b))).as("the grouping's payment bounced")
                .allSatisfy(s -> assertThat(s.state()).isEqualTo(PaymentStatus.State.UNPAID));
    }

    @Test
    void anEntryCancelledInTrytonIsNotReportedPaid() {
        String key = "cancelled-" + System.nanoTime();
        adapter.post(expenseReport(key, "6010", "CC1100", "12.00"));
        TrytonPayments payments = new TrytonPayments(rpc, 1);
        payments.cancel(payments.moveOf(key), "Booked by mistake");
        assertThat(payments.reconciled(key)).as("Cancel Moves reconciles the payable with its counter line").isTrue();
        assertThat(status(key).state()).isEqualTo(PaymentStatus.State.UNPAID);
    }

    private PaymentStatus status(String key) {
        return adapter.paymentStatus(List.of(key)).get(key);
    }

    @Test
    void entriesForAnUnknownCompanyOrWithoutAnOpenPeriodAreRejectedNamingTheField() {
        JournalEntry e = expenseReport("other-" + System.nanoTime(), "6010", "CC1100", "5.00");
        JournalEntry unknown = new JournalEntry(e.idempotencyKey(), "XX99", e.postingDate(), "EUR", "EUR",
                null, null, e.lines());
        assertThat(adapter.validate(unknown)).singleElement().satisfies(p -> {
            assertThat(p.field() + ":" + p.value()).isEqualTo("company:XX99");
            assertThat(p.message()).as("names the companies there are").contains("CB01 (id 1, EUR)");
        });
        JournalEntry old = new JournalEntry(e.idempotencyKey(), "CB01", LocalDate.of(1999, 1, 1), "EUR", "EUR",
                null, null, e.lines());
        assertThat(adapter.validate(old)).extracting(p -> p.field() + ":" + p.value())
                .containsExactly("postingDate:1999-01-01");
        JournalEntry usd = new JournalEntry(e.idempotencyKey(), "CB01", e.postingDate(), "USD", "USD",
                null, null, e.lines());
        assertThat(adapter.validate(usd)).extracting(p -> p.field() + ":" + p.value() + ":" + p.message())
                .containsExactly("companyCurrency:USD:the currency of Tryton company CB01 (id 1, EUR) is EUR");
    }

    @Test
    void entriesPostIntoTheTrytonCompanyOfTheirCodeAndACompanyTheUserCannotUseIsRefusedNamingTheFix() {
        long us = TrytonReferenceData.addCompany(rpc, config, "US01", "USD");
        try {
            ErpConfig.Tryton mapped = new ErpConfig.Tryton(config.url(), config.database(), config.user(),
                    config.password(), 1, "MISC", 10, Duration.ofSeconds(60), Map.of("US-LEGAL", (int) us));
            JournalEntry e = expenseReport("us-" + System.nanoTime(), "6010", "CC1100", "42.00");
            JournalEntry byPartyCode = new JournalEntry(e.idempotencyKey(), "US01", e.postingDate(), "USD", "USD",
                    e.reference(), e.description(), e.lines());
            JournalEntry byMap = new JournalEntry(e.idempotencyKey() + "-m", "US-LEGAL", e.postingDate(), "USD",
                    "USD", e.reference(), e.description(), e.lines());
            new TrytonReferenceData(rpc, us).createForEntries(List.of(byPartyCode));
            try (ErpAdapter multi = new TrytonErpAdapter(mapped, HttpClient.newHttpClient())) {
                for (JournalEntry entry : List.of(byPartyCode, byMap)) {
                    PostingResult r = multi.post(entry);
                    assertThat(TrytonReferenceData.moves(rpc, us, entry.idempotencyKey())).isEqualTo(1);
                    assertThat(TrytonReferenceData.moves(rpc, 1, entry.idempotencyKey())).isZero();
                    assertThat(TrytonReferenceData.bookedNets(rpc, us, entry.idempotencyKey()))
                            .containsEntry("6010", new BigDecimal("42.00"))
                            .containsEntry("2100", new BigDecimal("-42.00"));
                    assertThat(multi.lookup(entry.idempotencyKey())).contains(r.document());
                    assertThat(multi.post(entry).alreadyPosted()).isTrue();
                }
                multi.reverse(new Reversal(byMap.idempotencyKey() + "#rev", byMap.idempotencyKey(),
                        e.postingDate(), null));
                assertThat(TrytonReferenceData.bookedNets(rpc, us, byMap.idempotencyKey() + "#rev"))
                        .as("the reversal goes to the original's company").containsEntry("6010",
                                new BigDecimal("-42.00"));
                assertThat(multi.validate(new JournalEntry(e.idempotencyKey(), "US01", e.postingDate(), "EUR", "EUR",
                        null, null, e.lines()))).extracting(p -> p.field() + ":" + p.value() + ":" + p.message())
                        .containsExactly("companyCurrency:EUR:the currency of Tryton company US01 (id " + us
                                + ", USD) is USD");
            }
            // Tryton 6.0 applies its record rules to the user's own company unless the Company Filter is All
            rpc.model("res.user", "write", CTX, List.of(1), Map.of("company_filter", "one"));
            try (ErpAdapter refused = new TrytonErpAdapter(mapped, HttpClient.newHttpClient())) {
                assertThat(refused.validate(byPartyCode)).singleElement().satisfies(p -> {
                    assertThat(p.field() + ":" + p.value()).isEqualTo("company:US01");
                    assertThat(p.message()).contains("cannot post into company US01").contains("Company Filter to All");
                });
            }
        } finally {
            rpc.model("res.user", "write", CTX, List.of(1), Map.of("company_filter", "one"));
        }
    }

    @Test
    void aCompanyCreatedInTrytonLaterIsFoundAfterTheThrottleWithoutARestartAndMissesWithinItDoNotReread() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        String code = "LATE" + (System.nanoTime() % 100_000);
        JournalEntry e = expenseReport("late-" + System.nanoTime(), "6010", "CC1100", "17.00");
        JournalEntry late = new JournalEntry(e.idempotencyKey(), code, e.postingDate(), "USD", "USD",
                e.reference(), e.description(), e.lines());
        try (TrytonErpAdapter a = new TrytonErpAdapter(config, HttpClient.newHttpClient(), clock)) {
            List<ErpAdapter.BatchResult> page = a.postAll(java.util.stream.IntStream.range(0, 100)
                    .mapToObj(i -> new JournalEntry(late.idempotencyKey() + "-" + i, code, e.postingDate(), "USD",
                            "USD", null, null, e.lines())).toList());
            assertThat(page).allSatisfy(r -> assertThat(r.failure()).isInstanceOf(ErpException.Permanent.class)
                    .hasMessageContaining("no Tryton company has this party code"));
            assertThat(a.companyReads()).as("a page for an unknown company: the first read only").isEqualTo(1);

            long created = TrytonReferenceData.addCompany(rpc, config, code, "USD");
            new TrytonReferenceData(rpc, created).createForEntries(List.of(late));
            clock.advance(Duration.ofSeconds(59));
            assertThatThrownBy(() -> a.post(late)).as("within the throttle the list is not read again")
                    .isInstanceOf(ErpException.Permanent.class).hasMessageContaining(code);
            assertThat(a.companyReads()).isEqualTo(1);

            clock.advance(Duration.ofSeconds(2));
            PostingResult r = a.post(late);
            assertThat(a.companyReads()).isEqualTo(2);
            assertThat(TrytonReferenceData.moves(rpc, created, late.idempotencyKey())).isEqualTo(1);
            assertThat(TrytonReferenceData.moves(rpc, 1, late.idempotencyKey())).isZero();
            assertThat(a.lookup(late.idempotencyKey())).contains(r.document());
        } finally {
            rpc.model("res.user", "write", CTX, List.of(1), Map.of("company_filter", "one"));
        }
    }

    @Test
    void aConfiguredCompanyIdTrytonDoesNotHaveFailsThePostNamingTheKeyAndTheCompanies() {
        ErpConfig.Tryton wrong = new ErpConfig.Tryton(config.url(), config.database(), config.user(),
                config.password(), 1, "MISC", 10, Duration.ofSeconds(60), Map.of("US01", 999));
        try (ErpAdapter a = new TrytonErpAdapter(wrong, HttpClient.newHttpClient())) {
            assertThatThrownBy(() -> a.post(expenseReport("nowhere-" + System.nanoTime(), "6010", "CC1100", "1.00")))
                    .isInstanceOf(ErpException.Permanent.class)
                    .hasMessageContaining("erp.tryton.companies US01=999").hasMessageContaining("CB01 (id 1, EUR)");
        }
    }

    @Test
    void masterDataOfEveryListedCompanyArrivesOnceAndACodeAnEarlierCompanyHasIsSkippedWithAWarning() {
        String n = String.valueOf(System.nanoTime() % 1_000_000);
        long b = TrytonReferenceData.addCompany(rpc, config, "MD" + n, "EUR");
        Map<String, Object> bCtx = Map.of("company", b);
        try {
            long root = rpc.model("analytic_account.account", "create", bCtx, List.of(Map.of("name", "Cost centers",
                    "code", "COST_CENTER", "type", "root", "company", b, "state", "opened"))).path(0).asLong();
            for (String[] a : new String[][]{{"CC1100", "Shadowed sales"}, {"CC-B" + n, "Only in B"}}) {
                rpc.model("analytic_account.account", "create", bCtx, List.of(Map.of("name", a[1], "code", a[0],
                        "type", "normal", "company", b, "state", "opened", "root", root, "parent", root)));
            }
            JsonNode seeded = rpc.model("purchase.purchase", "search_read", CTX, List.of(List.of("company", "=", 1),
                    TrytonRpc.clause("number", "!=", null)), 0, 1, null, List.of("number", "party", "invoice_address",
                    "currency", "warehouse")).path(0);
            String seededNumber = seeded.path("number").asString();
            for (String[] po : new String[][]{{seededNumber, "Shadowed"}, {"PO-B" + n, "Only in B"}}) {
                rpc.model("purchase.purchase", "create", bCtx, List.of(Map.of("company", b, "number", po[0],
                        "description", po[1], "party", seeded.path("party").asLong(),
                        "invoice_address", seeded.path("invoice_address").asLong(),
                        "currency", seeded.path("currency").asLong(), "warehouse", seeded.path("warehouse").asLong(),
                        "purchase_date", today())));
            }
            ErpConfig.Tryton both = new ErpConfig.Tryton(config.url(), config.database(), config.user(),
                    config.password(), 1, "MISC", 10, Duration.ofSeconds(60), Map.of(), List.of(1, (int) b));
            try (TrytonErpAdapter multi = new TrytonErpAdapter(both, HttpClient.newHttpClient());
                 LogCapture logs = LogCapture.start()) {
                List<Changed<CostObjectNode>> costObjects = MasterDataStreams.stream(multi::costObjects,
                        Checkpoint.START, 2).toList();
                assertThat(costObjects).extracting(c -> c.value().dimension() + ":" + c.value().code())
                        .as("one stream over both companies, each code once").doesNotHaveDuplicates()
                        .contains("COST_CENTER:CC1100", "COST_CENTER:CC-B" + n, "PROJECT:P-100");
                assertThat(costObjects).extracting(Changed::value).filteredOn(c -> c.code().equals("CC1100"))
                        .singleElement().extracting(CostObjectNode::name).as("the first listed company's")
                        .isEqualTo("Sales");
                assertThat(costObjects).extracting(Changed::checkpoint).isSorted();

                List<PurchaseOrder> orders = MasterDataStreams.stream(multi::purchaseOrders, Checkpoint.START, 1)
                        .map(Changed::value).toList();
                assertThat(orders).extracting(PurchaseOrder::number).doesNotHaveDuplicates()
                        .contains(seededNumber, "PO-B" + n);
                assertThat(orders).filteredOn(o -> o.number().equals(seededNumber)).singleElement()
                        .satisfies(o -> assertThat(o.lines()).as("company 1's order with its lines").hasSize(2));
                assertThat(logs.lines()).filteredOn(l -> l.contains("event=erp.tryton.master-data.code-taken"))
                        .as("each skipped record named once").hasSize(2).anySatisfy(l -> assertThat(l)
                                .contains("key=COST_CENTER:CC1100", "company=MD" + n, "owner_company=CB01"))
                        .anySatisfy(l -> assertThat(l).contains("key=" + seededNumber, "model=purchase.purchase"));

                List<String> suppliers = MasterDataStreams.stream(multi::suppliers, Checkpoint.START, 2)
                        .map(c -> c.value().code()).toList();
                assertThat(suppliers).as("parties are shared: each once").doesNotHaveDuplicates()
                        .contains("S100").doesNotContain("MD" + n, "CB01", "E1001");

                Checkpoint end = costObjects.get(costObjects.size() - 1).checkpoint();
                assertThat(multi.costObjects(end, 10)).as("nothing comes again").isEmpty();
                JsonNode onlyB = rpc.model("analytic_account.account", "search", bCtx,
                        List.of(List.of("code", "=", "CC-B" + n)), 0, 1, null);
                rpc.model("analytic_account.account", "write", bCtx, onlyB, Map.of("name", "Renamed in B"));
                assertThat(multi.costObjects(end, 10)).extracting(c -> c.value().name())
                        .as("a later change in the second company comes after the cursor")
                        .containsExactly("Renamed in B");
            }
            assertThat(MasterDataStreams.stream(adapter::costObjects, Checkpoint.START, 100)
                    .map(c -> c.value().code())).as("the default reads company-id only")
                    .contains("CC1100").doesNotContain("CC-B" + n);
            assertThat(MasterDataStreams.stream(adapter::purchaseOrders, Checkpoint.START, 100)
                    .map(c -> c.value().number())).doesNotContain("PO-B" + n);
        } finally {
            rpc.model("res.user", "write", CTX, List.of(1), Map.of("company_filter", "one"));
        }
    }

    @Test
    void aMasterDataCompanyIdTrytonDoesNotHaveOrTheUserCannotReadFailsTheReadNamingTheIdAndTheFix() {
        ErpConfig.Tryton wrong = new ErpConfig.Tryton(config.url(), config.database(), config.user(),
                config.password(), 1, "MISC", 10, Duration.ofSeconds(60), Map.of(), List.of(1, 999));
        try (ErpAdapter a = new TrytonErpAdapter(wrong, HttpClient.newHttpClient())) {
            assertThatThrownBy(() -> a.costObjects(Checkpoint.START, 10))
                    .isInstanceOf(ErpException.Permanent.class)
                    .hasMessageContaining("erp.tryton.master-data-company-ids 999")
                    .hasMessageContaining("CB01 (id 1, EUR)");
        }
        String code = "RO" + (System.nanoTime() % 100_000);
        long other = TrytonReferenceData.addCompany(rpc, config, code, "EUR");
        rpc.model("res.user", "write", CTX, List.of(1), Map.of("company_filter", "one"));
        ErpConfig.Tryton unreadable = new ErpConfig.Tryton(config.url(), config.database(), config.user(),
                config.password(), 1, "MISC", 10, Duration.ofSeconds(60), Map.of(), List.of(1, (int) other));
        try (ErpAdapter a = new TrytonErpAdapter(unreadable, HttpClient.newHttpClient())) {
            assertThatThrownBy(() -> a.purchaseOrders(Checkpoint.START, 10))
                    .as("Tryton's record rules would silently return nothing of it")
                    .isInstanceOf(ErpException.Permanent.class)
                    .hasMessageContaining("cannot read company " + code + " (id " + other)
                    .hasMessageContaining("Company Filter to All");
        }
    }

    @Test
    void anExpiredSessionIsRenewedWithoutFailingTheCall() throws Exception {
        assertThat(adapter.validate(expenseReport("before-" + System.nanoTime(), "6010", "CC1100", "5.00"))).isEmpty();
        // remove every session in the database, as Tryton's idle timeout would (ir.session is not exposed over RPC)
        Process p = new ProcessBuilder("python3", "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
                + " c.execute('DELETE FROM ir_session'); c.commit()",
                TrytonServer.shared(Clock.systemUTC()).databaseFile(config.database()).toString())
                .inheritIO().start();
        assertThat(p.waitFor()).isZero();
        assertThat(documentsWithKeyThrough(adapter)).isEmpty();
    }

    private java.util.Optional<ErpDocumentRef> documentsWithKeyThrough(ErpAdapter a) {
        return a.lookup("renew-" + System.nanoTime());   // any call needing the session
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailure() {
        try (ErpAdapter wrong = new TrytonErpAdapter(new ErpConfig.Tryton(config.url(), config.database(), "admin",
                Secret.of("wrong"), 1, "MISC", 10, Duration.ofSeconds(10)), HttpClient.newHttpClient())) {
            assertThatThrownBy(() -> wrong.lookup("any")).isInstanceOf(ErpException.Authentication.class)
                    .hasMessageContaining("wrong user or password").hasMessageNotContaining("wrong\"");
        }
    }

    @Override
    public int documentsWithKey(String key) {
        return rpc.model("account.move", "search_count", CTX,
                List.of(List.of("description", "like", "[" + key + "]%"))).asInt();
    }

    @Override
    public void addSuppliers(List<String> codes) {
        List<Map<String, Object>> parties = new ArrayList<>();
        codes.forEach(c -> parties.add(Map.of("code", c, "name", "Supplier " + c)));
        rpc.model("party.party", "create", CTX, parties);
    }

    @Override
    public void renameSupplier(String code, String name) {
        JsonNode ids = rpc.model("party.party", "search", CTX, List.of(List.of("code", "=", code)), 0, 1, null);
        rpc.model("party.party", "write", CTX, ids, Map.of("name", name));
    }

    /** A bank payment move debiting the payable, posted and reconciled with the entry's payable line. */
    @Override
    public void pay(String key, BigDecimal amount, LocalDate on) {
        new TrytonPayments(rpc, 1).pay(key, amount, on);
    }
}
