package org.concurbridge.client.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PRAE files written from the specification's column positions (no real PRAE sample exists). */
class PraeParserTest {

    /** One 256-column PRAE detail line; {@code values} are column/value pairs. */
    private static String detail(Object... values) {
        String[] c = new String[257];
        Arrays.fill(c, "");
        c[1] = "DETAIL";
        for (int i = 0; i < values.length; i += 2) {
            c[(Integer) values[i]] = (String) values[i + 1];
        }
        return String.join("|", Arrays.asList(c).subList(1, 257));
    }

    private static String invoiceLine(String requestKey, String amount, String drCr, String account) {
        return detail(2, requestKey, 3, "Invoice Policy", 4, "Office chairs", 6, "INV-" + requestKey,
                7, "2026/11/02", 8, "2026/12/02", 9, "1000.00", 10, "1190.00", 12, "2026/11/03", 13, "PO-77",
                38, "CC-100", 50, "190.00", 53, "Check", 61, account, 62, amount, 63, "595.00", 64, drCr,
                65, "EUR", 68, account, 69, "PROJ-1", 89, "5001", 94, "E123", 128, "PO-77", 129, "1",
                131, "2", 132, "1", 133, "Chair \"ergonomic\"", 134, "FURN", 135, "Furniture", 136, "5",
                137, "100.00", 138, "500.00", 164, "\"ACME | Office\"", 165, "V-0042", 166, "REMIT-1",
                227, "2000", 228, "1000", 230, "N", 245, "DE123456789", 246, "VAT19", 253, "95.00",
                255, "500.00", 256, "VAT19");
    }

    private static Parsed<PraeRow> parse(String header, String... lines) {
        List<String> all = new ArrayList<>();
        all.add(header);
        all.addAll(List.of(lines));
        return Parsed.prae((String.join("\n", all) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void praeRowsParseWithTypedInvoiceValues() {
        Parsed<PraeRow> p = parse("EXTRACT|88|2026/11/30|2|1000.00",
                invoiceLine("7001", "500.00", "DR", "6100"), invoiceLine("7001", "500.00", "DR", "6110"));
        assertThat(p.problems()).isEmpty();
        assertThat(p.summary().fileProblems()).isEmpty();
        assertThat(p.summary().journalTotalVerified()).isTrue();
        assertThat(p.header()).isEqualTo(new ExtractHeader(ExtractFormat.PRAE, "88", LocalDate.of(2026, 11, 30), 2,
                new BigDecimal("1000.00")));
        PraeRow r = p.rows().get(1);
        assertThat(r.columnCount()).isEqualTo(256);
        assertThat(r.requestKey()).isEqualTo("7001").isEqualTo(r.reportKey());
        assertThat(r.vendorInvoiceNumber()).isEqualTo("INV-7001");
        assertThat(r.invoiceDate()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(r.invoiceAmount()).isEqualByComparingTo("1000");
        assertThat(r.taxAmount()).isEqualByComparingTo("190");
        assertThat(r.purchaseOrderNumber()).isEqualTo("PO-77");
        assertThat(r.journalAccountCode()).isEqualTo("6110");
        assertThat(r.journalAmount()).isEqualByComparingTo("500");
        assertThat(r.journalGrossAmount()).isEqualByComparingTo("595");
        assertThat(r.debitOrCredit()).isEqualTo(DebitCredit.DEBIT);
        assertThat(r.currency()).isEqualTo("EUR");
        assertThat(r.allocationCustom(1)).isEqualTo("PROJ-1");
        assertThat(r.requestOrgUnit(1)).isEqualTo("CC-100");
        assertThat(r.allocationKey()).isEqualTo(5001L);
        assertThat(r.lineItemPurchaseOrder()).isEqualTo("PO-77");
        assertThat(r.lineItemSequence()).isEqualTo(1L);
        assertThat(r.lineItemDescription()).isEqualTo("Chair \"ergonomic\"");
        assertThat(r.quantity()).isEqualByComparingTo("5");
        assertThat(r.unitPrice()).isEqualByComparingTo("100");
        assertThat(r.vendorName()).isEqualTo("ACME | Office");
        assertThat(r.vendorCode()).isEqualTo("V-0042");
        assertThat(r.emergencyRun()).isFalse();
        assertThat(r.vendorTaxId()).isEqualTo("DE123456789");
        assertThat(r.lineItemVatAmount()).isEqualByComparingTo("95");
        assertThat(r.lineItemVatTaxCode()).isEqualTo("VAT19");
        assertThat(r.liabilityAccountCode()).isEqualTo("2000");
    }

    @Test
    void praeRowWithABadDateIsQuarantinableByRequestKey() {
        Parsed<PraeRow> p = parse("EXTRACT|88|2026/11/30|3|1500.00",
                invoiceLine("7001", "500.00", "DR", "6100"),
                invoiceLine("7002", "500.00", "DR", "6100").replace("2026/11/02", "2026/02/30"),
                invoiceLine("7003", "500.00", "DR", "6100"));
        assertThat(p.problems()).singleElement().satisfies(rp -> {
            assertThat(rp.line()).isEqualTo(3);
            assertThat(rp.column()).isEqualTo(7);
            assertThat(rp.columnName()).isEqualTo("Invoice Date");
            assertThat(rp.reportKey()).as("request key, column 2, precedes the bad value").isEqualTo("7002");
            assertThat(rp.message()).contains("not a valid calendar date");
        });
        assertThat(p.rows()).extracting(PraeRow::requestKey).containsExactly("7001", "7003");
        assertThat(p.summary().fileProblems()).isEmpty();
    }

    @Test
    void praeWrongTotalAndCountAreFileProblems() {
        Parsed<PraeRow> p = parse("EXTRACT|88|2026/11/30|1|999.99", invoiceLine("7001", "500.00", "CR", "6100"),
                invoiceLine("7001", "-20.00", "CR", "6100"));
        assertThat(p.summary().heldWhole()).isTrue();
        assertThat(p.summary().fileProblems()).extracting(FileProblem::kind)
                .containsExactly(FileProblem.Kind.RECORD_COUNT_MISMATCH, FileProblem.Kind.JOURNAL_TOTAL_MISMATCH);
        assertThat(p.summary().fileProblems().get(1).actual()).isEqualTo("480.00");
        assertThat(p.summary().fileProblems().get(1).expected()).isEqualTo("999.99");
    }

    @Test
    void praeDetailWithTheWrongNumberOfColumnsIsARowProblem() {
        Parsed<PraeRow> p = parse("EXTRACT|88|2026/11/30|1|500.00",
                invoiceLine("7001", "500.00", "DR", "6100") + "|extra");
        assertThat(p.problems()).singleElement().satisfies(rp -> {
            assertThat(rp.column()).isEqualTo(257);
            assertThat(rp.message()).contains("257 fields").contains("256");
            assertThat(rp.reportKey()).isEqualTo("7001");
        });
    }
}
