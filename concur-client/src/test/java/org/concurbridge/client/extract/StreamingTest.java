package org.concurbridge.client.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The parser streams: rows are views over one reused buffer, never materialised or kept. */
class StreamingTest {

    @Test
    void twoHundredThousandGeneratedRowsStreamThroughOneReusedRowWithBoundedAllocation() {
        long records = 200_000;
        SaeFileGenerator gen = SaeFileGenerator.standard();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedPerRow;
        SaeRow first = null;
        long rows = 0;
        ExtractSummary summary;
        try (ExtractReader<SaeRow> r = new SaeParser().open(gen.stream(records), "generated")) {
            long before = threads.getCurrentThreadAllocatedBytes();
            while (r.next()) {
                SaeRow row = r.row();
                if (first == null) {
                    first = row;
                }
                assertThat(row).isSameAs(first);
                rows++;
            }
            allocatedPerRow = (threads.getCurrentThreadAllocatedBytes() - before) / records;
            summary = r.summary();
        }
        assertThat(rows).isEqualTo(records);
        assertThat(summary.journalTotalVerified()).isTrue();
        assertThat(summary.fileProblems()).isEmpty();
        // measured on this thread: the lazily generated stream's own garbage (row Strings, byte[] chunks, several
        // KB per row) plus the parser's (a BigDecimal per row for the control total). Materialising the row —
        // 400 Strings and their arrays — would add well over 12 KB per row.
        assertThat(allocatedPerRow).isLessThan(12_000);
    }
}
