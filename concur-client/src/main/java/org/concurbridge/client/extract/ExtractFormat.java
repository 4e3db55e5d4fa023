package org.concurbridge.client.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The two Concur accounting extract layouts: the Standard Accounting Extract (SAE, Expense, 400 detail columns) and
 * the Payment Request Accounting Extract (PRAE, Invoice, 256 detail columns). Column names and types come from the
 * published column specifications (resources {@code sae-columns.tsv} / {@code prae-columns.tsv}, derived from
 * {@code specs/sae-columns.csv} and {@code specs/prae-columns.csv}).
 */
public enum ExtractFormat {
    /** SAE header: {@code EXTRACT, Batch_Date, Record_Count, Journal Amount Total, Batch ID}. */
    SAE("sae-columns.tsv", 400, 20, 169, 168,
            new String[] {"Constant", "Batch_Date", "Record_Count", "Journal Amount Total", "Batch ID"},
            5, 2, 3, 4),
    /** PRAE header (specification order): {@code Extract, BatchID, BatchDate, RecordCount, JournalAmountTotal}. */
    PRAE("prae-columns.tsv", 256, 2, 62, 64,
            new String[] {"Extract", "BatchID", "BatchDate", "RecordCount", "JournalAmountTotal"},
            2, 3, 4, 5);

    static final String HEADER_CONSTANT = "EXTRACT";
    static final String DETAIL_CONSTANT = "DETAIL";

    private final int columnCount;
    private final String[] names;
    private final char[] types;
    private final int[] typedColumns;
    final int reportKeyColumn;
    final int journalAmountColumn;
    final int debitCreditColumn;
    final String[] headerNames;
    final int headerBatchIdColumn;
    final int headerBatchDateColumn;
    final int headerRecordCountColumn;
    final int headerTotalColumn;

    ExtractFormat(String resource, int columnCount, int reportKeyColumn, int journalAmountColumn,
                  int debitCreditColumn, String[] headerNames, int batchId, int batchDate, int recordCount,
                  int total) {
        this.columnCount = columnCount;
        this.names = new String[columnCount + 1];
        this.types = new char[columnCount + 1];
        this.reportKeyColumn = reportKeyColumn;
        this.journalAmountColumn = journalAmountColumn;
        this.debitCreditColumn = debitCreditColumn;
        this.headerNames = headerNames;
        this.headerBatchIdColumn = batchId;
        this.headerBatchDateColumn = batchDate;
        this.headerRecordCountColumn = recordCount;
        this.headerTotalColumn = total;
        load(resource);
        this.typedColumns = java.util.stream.IntStream.rangeClosed(1, columnCount)
                .filter(c -> types[c] != ColumnType.TEXT).toArray();
    }

    private void load(String resource) {
        try (InputStream in = ExtractFormat.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("column specification resource missing: " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String l; (l = r.readLine()) != null; ) {
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] p = l.split("\t", 3);
                int c = Integer.parseInt(p[0]);
                types[c] = p[1].charAt(0);
                names[c] = p[2];
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Arrays.stream(names, 1, names.length).anyMatch(n -> n == null)) {
            throw new IllegalStateException("incomplete column specification " + resource);
        }
    }

    /** Number of columns of a detail record (SAE 400, PRAE 256). */
    public int columnCount() {
        return columnCount;
    }

    /** The specification's name of a detail column (1-based), or a description when out of range. */
    public String columnName(int column) {
        if (column >= 1 && column <= columnCount) {
            return names[column];
        }
        return column > columnCount ? "(beyond column " + columnCount + ")" : "(whole line)";
    }

    char type(int column) {
        return types[column];
    }

    int[] typedColumns() {
        return typedColumns;
    }

    /** Column types as written in the resource files. */
    static final class ColumnType {
        static final char TEXT = 'T';
        static final char MONEY = 'M';
        static final char RATE = 'R';
        static final char DATE = 'D';
        static final char FLAG = 'F';
        static final char INTEGER = 'I';
        static final char DEBIT_CREDIT = 'C';

        private ColumnType() {
        }
    }
}
