package org.concurbridge.client.extract;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Writes syntactically realistic SAE v3 files of any size, for benchmarks and tests: an {@code EXTRACT} header whose
 * record count and journal amount total match the rows, then 400-column {@code DETAIL} rows at the specification's
 * positions, five journal lines per report (cash, itemized {@code CHD} children, company card IBCP/CBCP, personal
 * items, a VAT row, cash-advance recovery, allocations), pipe-delimited and quoted like the real samples (quoted
 * values containing the delimiter, doubled quotes inside quoted values, bare quotes inside unquoted values).
 * <p>
 * Every value of row {@code i} is a pure function of {@code (seed, i)}, so the control totals are computed before
 * the rows are written and generation runs in constant memory.
 */
public final class SaeFileGenerator {

    /** What was written. */
    public record Result(Path file, long bytes, long records, BigDecimal journalAmountTotal, String batchId) {
    }

    private static final int LINES_PER_REPORT = 5;
    private static final String[] LAST = {"Doe", "Müller", "García", "O'Brien", "Nguyen", "Smith", "Dubois", "Rossi"};
    private static final String[] FIRST = {"John", "Jürgen", "Ana", "Siobhan", "Minh", "Kate", "Élodie", "Luca"};
    private static final String[] EXPENSE = {"Airfare", "Hotel", "Taxi", "Dinner", "Parking", "Personal Car Mileage",
        "Train", "Office Supplies"};
    private static final String[] ACCOUNT = {"6200", "6210", "6220", "6230", "6240", "6250", "6260", "6270"};
    private static final String[] CURRENCY = {"USD", "EUR", "GBP", "USD", "USD", "CHF"};

    private final long seed;
    private final String batchId;
    private final LocalDate batchDate;
    /** {@code batchDate - i days} as text, for i in 0..120: dates are the costliest part of a row. */
    private final String[] daysBefore = new String[121];

    public SaeFileGenerator(long seed, String batchId, LocalDate batchDate) {
        this.seed = seed;
        this.batchId = batchId;
        this.batchDate = batchDate;
        for (int i = 0; i < daysBefore.length; i++) {
            daysBefore[i] = batchDate.minusDays(i).toString();
        }
    }

    /** A generator with a fixed seed, batch 4242 dated 2026-11-30. */
    public static SaeFileGenerator standard() {
        return new SaeFileGenerator(20261130L, "4242", LocalDate.of(2026, 11, 30));
    }

    /** Writes a file of at least {@code targetBytes} bytes (UTF-8, LF line ends). */
    public Result writeFile(Path file, long targetBytes) throws IOException {
        long records = recordsFor(targetBytes);
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, records);
        }
        return new Result(file, Files.size(file), records, total(records), batchId);
    }

    /** Writes a file of exactly {@code records} detail rows to {@code out} (not closed). */
    public void write(OutputStream out, long records) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write(header(records));
        StringBuilder sb = new StringBuilder(2048);
        for (long i = 0; i < records; i++) {
            sb.setLength(0);
            row(i, sb);
            w.append(sb);
        }
        w.flush();
    }

    /**
     * The same content as {@link #write(OutputStream, long)}, generated lazily while it is read: a stream of any
     * length that never exists in memory as a whole.
     */
    public java.io.InputStream stream(long records) {
        return new java.io.InputStream() {
            private final StringBuilder sb = new StringBuilder(2048);
            private byte[] chunk = header(records).getBytes(StandardCharsets.UTF_8);
            private int pos;
            private long next;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                while (pos == chunk.length) {
                    if (next == records) {
                        return -1;
                    }
                    sb.setLength(0);
                    row(next++, sb);
                    chunk = sb.toString().getBytes(StandardCharsets.UTF_8);
                    pos = 0;
                }
                int n = Math.min(len, chunk.length - pos);
                System.arraycopy(chunk, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    /** The header line (with its line break) for a file of {@code records} rows. */
    public String header(long records) {
        return "EXTRACT|" + batchDate + "|" + records + "|" + total(records).toPlainString() + "|" + batchId + "\n";
    }

    /** Sum of the journal amounts of the first {@code records} rows. */
    public BigDecimal total(long records) {
        long cents = 0;
        for (long i = 0; i < records; i++) {
            cents += signedCents(i);
        }
        return BigDecimal.valueOf(cents, 2).setScale(4);
    }

    /** How many rows make at least {@code targetBytes} bytes, measured on the first 2000 rows. */
    public long recordsFor(long targetBytes) {
        StringBuilder sb = new StringBuilder(2048);
        long bytes = 0;
        int sample = 2000;
        for (int i = 0; i < sample; i++) {
            sb.setLength(0);
            row(i, sb);
            bytes += sb.toString().getBytes(StandardCharsets.UTF_8).length;
        }
        double perRow = (double) bytes / sample;
        return Math.max(1, (long) Math.ceil(targetBytes * 1.01 / perRow));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private long h(long i, int salt) {
        return mix(seed * 31 + i * 1_000_003L + salt) & Long.MAX_VALUE;
    }

    /** The row's kind: 0-4 cash, 5 IBCP card, 6 CBCP personal (employee receivable), 7 VAT, 8 cash advance. */
    private int kind(long i) {
        return (int) (h(i, 1) % 9);
    }

    private boolean credit(long i) {
        int k = kind(i);
        return k == 6 || k == 7 || k == 8;
    }

    private long cents(long i) {
        return 100 + h(i, 2) % 99_900;
    }

    private long signedCents(long i) {
        return credit(i) ? -cents(i) : cents(i);
    }

    void row(long i, StringBuilder sb) {
        long report = i / LINES_PER_REPORT;
        int line = (int) (i % LINES_PER_REPORT);
        int kind = kind(i);
        int person = (int) (mix(seed + report) & 7);
        String[] c = new String[401];
        Arrays.fill(c, "");
        String amount = money(cents(i));
        String signed = (credit(i) ? "-" : "+") + amount;
        int dayOffset = (int) (10 + h(i, 3) % 60);
        String day = daysBefore[dayOffset];
        String employee = String.valueOf(1_000_000 + (mix(seed + report * 7) & 0xFFFFF));
        c[1] = "DETAIL";
        c[2] = batchId;
        c[3] = daysBefore[0];
        c[4] = String.valueOf(i + 1);
        c[5] = employee;
        c[6] = LAST[person];
        c[7] = FIRST[person];
        c[8] = "J";
        c[9] = "Cornell";
        c[10] = "IT";
        c[11] = "G" + (100000 + person);
        c[18] = amount;
        c[19] = "RPT" + Long.toHexString(mix(seed ^ report)).toUpperCase();
        c[20] = String.valueOf(10_000 + report);
        c[21] = "DEFAULT";
        c[22] = "USD";
        c[23] = "UNITED STATES";
        c[24] = daysBefore[5];
        c[25] = daysBefore[6];
        c[26] = daysBefore[1];
        c[27] = report % 11 == 0 ? "\"Trip to \"\"HQ\"\" | Q" + (report % 4 + 1) + "\"" : "Trip " + report;
        c[28] = "Y";
        c[29] = kind == 7 ? "Y" : "N";
        c[30] = "N";
        c[31] = money(250_000 + report % 1000);
        c[32] = c[31];
        c[33] = "Travel";
        c[35] = "IT";
        c[36] = String.valueOf(1_100_000 + report % 5000);
        c[41] = "Employee";
        c[42] = report % 13 == 0 ? "Inter\"national Travel" : "International Travel";
        c[43] = "Fundraising";
        c[45] = "5959";
        c[48] = "1";
        c[49] = "0504";
        c[55] = "Cornell";
        c[61] = String.valueOf(report * 10 + line);
        c[62] = line % 2 == 1 ? "CHD" : "REG";
        c[63] = EXPENSE[(int) (h(i, 4) & 7)];
        c[64] = day;
        c[65] = CURRENCY[(int) (h(i, 5) % CURRENCY.length)];
        c[66] = "1.0000";
        c[67] = "M";
        c[68] = kind == 6 ? "Y" : "N";
        c[69] = c[63] + " " + day;
        c[70] = kind == 5 || kind == 6 ? "BLACKLANE GHIJ" : "";
        c[71] = report % 7 == 0 ? "\"BLACKLANE GHIJ | FEURIGSTRAE 55 | 13579 BERLIN | WWW.\""
                : "ACME " + (h(i, 6) % 500);
        c[72] = "N";
        c[73] = "N";
        c[83] = "Fundraising";
        c[84] = "Federal Allowable";
        c[85] = "International Travel";
        c[86] = "Employee";
        c[123] = amount;
        c[124] = amount;
        c[125] = amount;
        c[126] = kind == 5 || kind == 6 ? "IBCP" : "CASH";
        c[127] = kind == 5 || kind == 6 ? "Company Paid" : "Cash";
        if (kind == 5 || kind == 6) {
            c[129] = daysBefore[dayOffset - 3];
            c[130] = "XXXXXXXXXXXX" + (1000 + person);
            c[131] = "Corporate Card";
            c[135] = "RPE";
            c[136] = String.valueOf(900_000_000L + i);
            c[137] = amount;
            c[139] = "USD";
            c[140] = amount;
            c[141] = "USD";
            c[142] = day;
            c[143] = daysBefore[dayOffset - 1];
            c[146] = "BLACKLANE";
            c[147] = "BERLIN";
            c[149] = "DE";
            c[176] = "AMEX";
            c[251] = kind == 6 ? "CBCP" : "IBCP";
        }
        c[160] = "HOME";
        switch (kind) {
            case 5 -> journal(c, "COMPANY", "COMP", "IBCP CORP", "IBCP", "2100", "DR", signed);
            case 6 -> journal(c, "EMPLOYEE", "EMPL", "COMPANY", "COMP", "1990", "CR", signed);
            case 7 -> {
                journal(c, "ILR", "ILR", "COMPANY", "COMP", "1570", "CR", signed);
                c[225] = "Germany";
                c[226] = "ILR";
                c[227] = amount;
                c[228] = amount;
                c[229] = "USER";
                c[230] = amount;
                c[231] = amount;
                c[232] = "VAT19";
                c[233] = "Y";
                c[234] = amount;
                c[235] = amount;
            }
            case 8 -> {
                journal(c, "EMPLOYEE", "EMPL", "COMPANY", "COMP", "1410", "CR", signed);
                c[177] = money(50_000);
                c[178] = "USD";
                c[180] = "1.0000";
                c[181] = "USD";
                c[183] = daysBefore[40];
                c[184] = "Cash";
                c[185] = "2";
                c[186] = daysBefore[45];
                c[187] = String.valueOf(70_000 + report);
                c[259] = "Advance " + report;
            }
            default -> journal(c, "COMPANY", "COMP", "EMPLOYEE", "EMPL", ACCOUNT[(int) (h(i, 7) & 7)], "DR",
                    signed);
        }
        c[170] = String.valueOf(400_000 + i);
        c[189] = String.valueOf(140_000 + i);
        c[190] = "100.0000";
        c[191] = "IT";
        c[192] = String.valueOf(1_234_000 + report % 400);
        c[195] = "AA-" + (778_000 + report % 900);
        c[196] = "123ABC";
        c[211] = amount;
        c[246] = "0.0000";
        c[247] = amount;
        c[248] = "0.0000";
        c[249] = amount;
        c[250] = kind == 5 || kind == 6 ? "Company Paid" : "Out of Pocket";
        c[264] = "user" + person + "@example.org";
        c[265] = c[264];
        c[266] = "Employee";
        c[267] = "1";
        c[268] = "N";
        c[269] = "1";
        c[270] = "5999";
        c[280] = "N";
        c[281] = "N";
        for (int k = 311; k <= 320; k++) {
            c[k] = "0.0000";
        }
        c[312] = c[31];
        c[313] = c[31];
        c[319] = c[31];
        c[322] = "0.0000";
        c[323] = amount;
        c[324] = daysBefore[70];
        c[325] = daysBefore[10];
        c[327] = "0.0000";
        c[329] = "0.0000";
        c[335] = "N";
        c[336] = "1000 Main St, Somewhere, NY 13579, USA";
        c[337] = "2300 Unknown Pl, Someplace, NY 24680, USA";
        c[339] = "US";
        for (int k = 1; k <= 400; k++) {
            if (k > 1) {
                sb.append('|');
            }
            sb.append(c[k]);
        }
        sb.append('\n');
    }

    private static void journal(String[] c, String payer, String payerCode, String payee, String payeeCode,
                                String account, String drCr, String amount) {
        c[163] = payer;
        c[164] = payerCode;
        c[165] = payee;
        c[166] = payeeCode;
        c[167] = account;
        c[168] = drCr;
        c[169] = amount;
    }

    private static String money(long cents) {
        return BigDecimal.valueOf(cents, 2).setScale(4).toPlainString();
    }
}
