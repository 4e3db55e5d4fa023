package org.concurbridge.client.paymentbatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.concurbridge.client.Xml;
import org.junit.jupiter.api.Test;

/** The official Payment Batches examples (2015 revision) parse into the typed values. */
class PaymentBatchExamplesTest {

    private static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/concur-api/examples/payment-batches-v1/historical-2015");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("payment-batches-v1 examples not found");
    }

    /** The .txt examples are an indented HTTP exchange: the XML starts at the first '<'. */
    private static byte[] xmlOf(String name) throws IOException {
        String text = Files.readString(dir().resolve(name), StandardCharsets.UTF_8);
        return text.substring(text.indexOf('<')).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void batchListGivesEachBatchWithTotalsTypesAndUrls() throws IOException {
        List<PaymentBatch> batches = PaymentBatchClient.parseList(Xml.parse(xmlOf("get-batchlist-response.xml")),
                PaymentBatch.BatchState.OPEN);
        assertThat(batches).hasSize(3);
        PaymentBatch first = batches.get(0);
        assertThat(first.batchId()).isEqualTo("13cb38dc-46d2-4e0c-8973-8c7667806b47");
        assertThat(first.total()).isEqualByComparingTo(new BigDecimal("334.21"));
        assertThat(first.currency()).isEqualTo("USD");
        assertThat(first.count()).isEqualTo(10);
        assertThat(first.type()).isEqualTo("Employee");
        assertThat(first.paymentMethod()).isEqualTo("Expense Pay by Concur");
        assertThat(first.state()).isEqualTo(PaymentBatch.BatchState.OPEN);
        assertThat(first.v12Url()).isEqualTo("https://www.concursolutions.com/api/expense/paymentbatch/v1.2/batch/"
                + "12345678901234567890");
        assertThat(batches.get(1).type()).isEqualTo("Card Program");
    }

    @Test
    void batchUrlElementIsReadInTheSampleClientsSpellingToo() {
        List<PaymentBatch> batches = PaymentBatchClient.parseList(Xml.parse(("<BatchList><BatchSummary>"
                + "<BatchID>b1</BatchID><Batch-Url>https://h/api/expense/paymentbatch/v1.1/batch/E1</Batch-Url>"
                + "</BatchSummary></BatchList>").getBytes(StandardCharsets.UTF_8)), null);
        assertThat(batches).singleElement().satisfies(b -> {
            assertThat(b.batchUrl()).endsWith("/batch/E1");
            assertThat(b.state()).isNull();
        });
    }

    @Test
    void closeResponseWithItsNestedBatchStatusGivesTheFileUrl() throws IOException {
        CloseResult.Accepted closed = PaymentBatchClient.parseClose(Xml.parse(xmlOf("close-batch-response.txt")),
                "c-1");
        assertThat(closed.batchStatus()).isEqualTo("CLOSED");
        assertThat(closed.status()).isEqualTo("SUCCESS");
        assertThat(closed.jobQueueKey()).isEqualTo("d$wIUEkl72LW299WTjTlskdy");
        assertThat(closed.fileUrl()).endsWith("/v1.1/batch/n$s4MtBKgvoJxAYcbggR7eD2jRU$sxYjePU/file");
    }

    @Test
    void anEmptyListHasNoBatches() {
        assertThat(PaymentBatchClient.parseList(Xml.parse(
                "<BatchList xmlns=\"http://www.concursolutions.com/api/expense/paymentbatch/2011/11\"/>"
                        .getBytes(StandardCharsets.UTF_8)), PaymentBatch.BatchState.CLOSED)).isEmpty();
    }
}
