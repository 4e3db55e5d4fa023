package org.concurbridge.bridge.erp;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The behaviour every {@link ErpAdapter} must have, run against the SQL adapter on H2 and PostgreSQL and against a
 * real Tryton. Both ERPs are seeded with the same demo codes (company CB01 in EUR, accounts 6000/2100/1200...,
 * cost centers under COST_CENTER, closed CC1900, employee E1001, suppliers S100...).
 */
public abstract class ErpAdapterContract {

    protected abstract ErpAdapter adapter();

    protected abstract ErpSide erp();

    /** An adapter configured for an ERP that does not answer. */
    protected abstract ErpAdapter unreachableAdapter();

    protected LocalDate today() {
        return LocalDate.now();
    }

    private static String key() {
        return "T-" + UUID.randomUUID();
    }

    protected JournalEntry expenseReport(String key, String account, String costCenter, String amount) {
        BigDecimal a = new BigDecimal(amount);
        return new JournalEntry(key, "CB01", today(), "EUR", "EUR", "RPT-" + key.substring(0, 8),
                "Expense report", List.of(
                JournalLine.debit(account, a, "Hotel").withCostObjects(CostObject.costCenter(costCenter)),
                JournalLine.credit("2100", a, "Employee payable").withPartner(Partner.employee("E1001",
                        "Chris Miller"))));
    }

    @Test
    void postsABalancedEntryAndReturnsItsDocumentNumber() {
        String key = key();
        PostingResult r = adapter().post(expenseReport(key, "6010", "CC1100", "120.50"));
        assertThat(r.alreadyPosted()).isFalse();
        assertThat(r.document().documentNumber()).isNotBlank();
        assertThat(adapter().lookup(key)).contains(r.document());
        assertThat(erp().documentsWithKey(key)).isEqualTo(1);
    }

    @Test
    void secondPostWithSameKeyReturnsFirstErpDocumentAndCreatesNothing() {
        String key = key();
        PostingResult first = adapter().post(expenseReport(key, "6010", "CC1100", "80.00"));
        PostingResult second = adapter().post(expenseReport(key, "6010", "CC1100", "80.00"));
        assertThat(second.alreadyPosted()).isTrue();
        assertThat(second.document().documentNumber()).isEqualTo(first.document().documentNumber());
        assertThat(erp().documentsWithKey(key)).isEqualTo(1);
    }

    @Test
    void unbalancedEntryIsRejectedBeforeReachingTheErp() {
        String key = key();
        JournalEntry unbalanced = new JournalEntry(key, "CB01", today(), "EUR", "EUR", null, "unbalanced", List.of(
                JournalLine.debit("6010", new BigDecimal("100.00"), "Hotel"),
                JournalLine.credit("2100", new BigDecimal("99.99"), "Payable").withPartner(
                        Partner.employee("E1001", null))));
        assertThatThrownBy(() -> adapter().post(unbalanced))
                .isInstanceOfSatisfying(ErpException.Permanent.class, e -> assertThat(e.problems())
                        .extracting(ValidationProblem::field).containsExactly("balance"))
                .hasMessageContaining("difference 0.01 EUR");
        assertThat(erp().documentsWithKey(key)).isZero();
        assertThat(adapter().lookup(key)).isEmpty();
    }

    @Test
    void unknownAccountAndInactiveCostObjectFailPermanentlyNamingBoth() {
        String key = key();
        JournalEntry entry = expenseReport(key, "9999", "CC1900", "10.00");
        assertThatThrownBy(() -> adapter().post(entry))
                .isInstanceOfSatisfying(ErpException.Permanent.class, e -> assertThat(e.problems())
                        .extracting(p -> p.line() + ":" + p.field() + ":" + p.value())
                        .containsExactlyInAnyOrder("1:account:9999", "1:costObject:COST_CENTER:CC1900"))
                .hasMessageContaining("unknown account").hasMessageContaining("inactive");
        assertThat(erp().documentsWithKey(key)).isZero();
    }

    @Test
    void validateReturnsEveryProblemAtOnce() {
        JournalEntry entry = new JournalEntry(key(), "CB01", today(), "EUR", "EUR", null, null, List.of(
                JournalLine.debit("9999", new BigDecimal("10.00"), null)
                        .withCostObjects(new CostObject("COST_CENTER", "NOPE")),
                JournalLine.credit("2100", new BigDecimal("10.00"), null),
                JournalLine.debit("6010", new BigDecimal("1.00"), null).withPartner(Partner.employee("E404", null)),
                JournalLine.credit("6010", new BigDecimal("1.00"), null)));
        assertThat(adapter().validate(entry)).extracting(p -> p.line() + ":" + p.field())
                .containsExactlyInAnyOrder("1:account", "1:costObject", "2:partner", "3:partner");
        assertThat(adapter().validate(expenseReport(key(), "6010", "CC1100", "5.00"))).isEmpty();
    }

    @Test
    void unreachableErpIsRetriable() {
        try (ErpAdapter down = unreachableAdapter()) {
            assertThatThrownBy(() -> down.post(expenseReport(key(), "6010", "CC1100", "10.00")))
                    .isInstanceOf(ErpException.Retriable.class);
            assertThatThrownBy(() -> down.suppliers(Checkpoint.START, 10))
                    .isInstanceOf(ErpException.Retriable.class);
        }
    }

    @Test
    void postAllPostsTheGoodEntriesOfAChunkAndFailsOnlyTheBadOne() {
        String a = key();
        String b = key();
        String c = key();
        List<ErpPosting.BatchResult> results = adapter().postAll(List.of(
                expenseReport(a, "6010", "CC1100", "1.00"), expenseReport(b, "9999", "CC1100", "2.00"),
                expenseReport(c, "6020", "CC1200", "3.00"), expenseReport(a, "6010", "CC1100", "1.00")));
        assertThat(results.get(0).result().alreadyPosted()).isFalse();
        assertThat(results.get(1).failure()).isInstanceOf(ErpException.Permanent.class)
                .hasMessageContaining("9999");
        assertThat(results.get(2).result().document().documentNumber()).isNotBlank();
        assertThat(results.get(3).result().alreadyPosted()).isTrue();
        assertThat(results.get(3).result().document()).isEqualTo(results.get(0).result().document());
        assertThat(erp().documentsWithKey(a)).isEqualTo(1);
        assertThat(erp().documentsWithKey(b)).isZero();
        assertThat(erp().documentsWithKey(c)).isEqualTo(1);
    }

    @Test
    void reversalPostsTheOppositeEntryOnceAndNamesTheOriginal() {
        String key = key();
        adapter().post(expenseReport(key, "6010", "CC1100", "42.00"));
        Reversal reversal = new Reversal(key + "#rev", key, today(), null);
        PostingResult first = adapter().reverse(reversal);
        PostingResult again = adapter().reverse(reversal);
        assertThat(first.alreadyPosted()).isFalse();
        assertThat(first.document().reversesKey()).isEqualTo(key);
        assertThat(again.alreadyPosted()).isTrue();
        assertThat(again.document().documentNumber()).isEqualTo(first.document().documentNumber());
        assertThat(adapter().lookup(key + "#rev")).get().extracting(ErpDocumentRef::reversesKey).isEqualTo(key);
        assertThat(erp().documentsWithKey(key + "#rev")).isEqualTo(1);
    }

    @Test
    void reversingAKeyNeverPostedFailsPermanently() {
        assertThatThrownBy(() -> adapter().reverse(new Reversal(key(), "never-posted", today(), null)))
                .isInstanceOf(ErpException.Permanent.class).hasMessageContaining("never-posted");
    }

    @Test
    void paymentStatusTurnsPaidAfterTheErpPaysTheEntry() {
        String key = key();
        PostingResult posted = adapter().post(expenseReport(key, "6010", "CC1100", "75.25"));
        PaymentStatus before = adapter().paymentStatus(List.of(key, "never-posted")).get(key);
        assertThat(before.state()).isEqualTo(PaymentStatus.State.UNPAID);
        assertThat(before.payable()).isEqualByComparingTo("75.25");
        assertThat(adapter().paymentStatus(List.of("never-posted"))).isEmpty();

        erp().pay(key, new BigDecimal("75.25"), today());

        PaymentStatus after = adapter().paymentStatus(List.of(key)).get(key);
        assertThat(after.state()).isEqualTo(PaymentStatus.State.PAID);
        assertThat(after.paid()).isEqualByComparingTo("75.25");
        assertThat(after.currency()).isEqualTo("EUR");
        assertThat(after.paidOn()).isEqualTo(today());
        assertThat(after.reference()).isNotBlank();
        assertThat(after.documentNumber()).isEqualTo(posted.document().documentNumber());
    }

    @Test
    void everyMasterDataStreamResumesFromACheckpoint() {
        assertResumes(adapter()::suppliers, Supplier::code);
        assertResumes(adapter()::costObjects, c -> c.dimension() + ":" + c.code());
        assertResumes(adapter()::purchaseOrders, PurchaseOrder::number);
        assertResumes(adapter()::goodsReceipts, g -> g.receiptNumber() + "/" + g.poNumber() + "/" + g.poLineNumber());
    }

    private static <T> void assertResumes(MasterDataStreams.PageReader<T> reader, Function<T, String> id) {
        List<Changed<T>> all = MasterDataStreams.stream(reader, Checkpoint.START, 2).toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(1);
        assertThat(all).extracting(Changed::checkpoint).isSorted();
        List<String> ids = all.stream().map(c -> id.apply(c.value())).toList();
        for (int k : new java.util.TreeSet<>(List.of(0, all.size() / 2, all.size() - 1))) {
            List<String> rest = MasterDataStreams.stream(reader, all.get(k).checkpoint(), 1)
                    .map(c -> id.apply(c.value())).toList();
            assertThat(rest).as("resuming after %s", ids.get(k)).isEqualTo(ids.subList(k + 1, ids.size()));
        }
        assertThat(reader.read(all.get(all.size() - 1).checkpoint(), 10)).isEmpty();
    }

    @Test
    void suppliersChangedInTheSameInstantAreAllReadAcrossPagesAndChangesComeAgain() {
        Checkpoint end = MasterDataStreams.stream(adapter()::suppliers, Checkpoint.START, 50)
                .reduce((x, y) -> y).orElseThrow().checkpoint();
        String p = "N" + UUID.randomUUID().toString().substring(0, 6);
        List<String> codes = List.of(p + "1", p + "2", p + "3");
        erp().addSuppliers(codes);

        List<Changed<Supplier>> added = MasterDataStreams.stream(adapter()::suppliers, end, 1).toList();
        assertThat(added).extracting(c -> c.value().code()).containsExactlyElementsOf(codes);
        assertThat(added.stream().map(c -> c.checkpoint().changedAt()).distinct()).hasSize(1);

        erp().renameSupplier(p + "1", "Renamed Ltd");
        Map<String, String> changed = MasterDataStreams.stream(adapter()::suppliers,
                        added.get(added.size() - 1).checkpoint(), 1)
                .collect(Collectors.toMap(c -> c.value().code(), c -> c.value().name()));
        assertThat(changed).containsExactly(Map.entry(p + "1", "Renamed Ltd"));
    }

    @Test
    void demoMasterDataIsReadWithItsDetails() {
        Supplier acme = MasterDataStreams.stream(adapter()::suppliers, Checkpoint.START, 100)
                .map(Changed::value).filter(s -> s.code().equals("S100")).findFirst().orElseThrow();
        assertThat(acme.name()).isEqualTo("ACME Supplies Ltd");
        assertThat(acme.taxId()).isEqualTo("DE123456788");
        assertThat(acme.address().city()).isEqualTo("Hamburg");
        assertThat(acme.address().country()).isEqualTo("DE");
        assertThat(acme.bankAccount().accountNumber().replace(" ", "")).isEqualTo("DE89370400440532013000");
        assertThat(acme.bankAccount().bic()).isEqualTo("COBADEFFXXX");

        Map<String, CostObjectNode> costObjects = MasterDataStreams.stream(adapter()::costObjects, Checkpoint.START, 100)
                .map(Changed::value).collect(Collectors.toMap(c -> c.dimension() + ":" + c.code(), c -> c));
        assertThat(costObjects.get("COST_CENTER:CC1100").parentCode()).isEqualTo("CC1000");
        assertThat(costObjects.get("COST_CENTER:CC1900").active()).isFalse();
        assertThat(costObjects).containsKey("PROJECT:P-100");

        PurchaseOrder po = MasterDataStreams.stream(adapter()::purchaseOrders, Checkpoint.START, 100)
                .map(Changed::value).filter(o -> o.supplierCode().equals("S100")).findFirst().orElseThrow();
        assertThat(po.status()).isEqualTo(PurchaseOrder.Status.OPEN);
        assertThat(po.lines()).hasSizeGreaterThanOrEqualTo(2);
        GoodsReceipt receipt = MasterDataStreams.stream(adapter()::goodsReceipts, Checkpoint.START, 100)
                .map(Changed::value).filter(g -> g.poNumber().equals(po.number())).findFirst().orElseThrow();
        assertThat(po.lines()).extracting(PurchaseOrder.Line::lineNumber).contains(receipt.poLineNumber());
        assertThat(receipt.quantity()).isPositive();
    }
}
