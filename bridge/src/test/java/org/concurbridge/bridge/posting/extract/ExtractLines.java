package org.concurbridge.bridge.posting.extract;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes small SAE/PRAE files for tests: pipe-delimited detail rows with values at their specification positions and
 * a header whose record count and journal total are computed (or overridden to test the control totals).
 */
final class ExtractLines {

    private final boolean sae;
    private final String batchId;
    private final List<String[]> rows = new ArrayList<>();

    private ExtractLines(boolean sae, String batchId) {
        this.sae = sae;
        this.batchId = batchId;
    }

    static ExtractLines sae(String batchId) {
        return new ExtractLines(true, batchId);
    }

    static ExtractLines prae(String batchId) {
        return new ExtractLines(false, batchId);
    }

    /** A detail row: column number → value (column 1 {@code DETAIL} and the batch columns are filled in). */
    ExtractLines row(Map<Integer, String> values) {
        String[] c = new String[sae ? 400 : 256];
        Arrays.fill(c, "");
        c[0] = "DETAIL";
        if (sae) {
            c[1] = batchId;
            c[2] = "2026-11-30";
            c[3] = Integer.toString(rows.size() + 1);
        }
        new TreeMap<>(values).forEach((col, v) -> c[col - 1] = v);
        rows.add(c);
        return this;
    }

    BigDecimal total() {
        int col = sae ? 169 : 62;
        return rows.stream().map(r -> r[col - 1].isEmpty() ? BigDecimal.ZERO : new BigDecimal(r[col - 1]))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    String text() {
        return text(rows.size(), total());
    }

    /** The file with the given header values (to make control totals fail). */
    String text(long recordCount, BigDecimal total) {
        StringBuilder b = new StringBuilder();
        if (sae) {
            b.append("EXTRACT|2026-11-30|").append(recordCount).append('|').append(total.toPlainString()).append('|')
                    .append(batchId).append('\n');
        } else {
            b.append("EXTRACT|").append(batchId).append("|2026/11/30|").append(recordCount).append('|')
                    .append(total.toPlainString()).append('\n');
        }
        for (String[] r : rows) {
            b.append(String.join("|", r)).append('\n');
        }
        return b.toString();
    }

    InputStream stream() {
        return new ByteArrayInputStream(text().getBytes(StandardCharsets.UTF_8));
    }

    /** An SAE journal row of report {@code reportKey}: the report/employee columns plus the journal columns. */
    static Map<Integer, String> saeRow(String reportKey, String payer, String payee, String account, String dc,
                                       String amount) {
        Map<Integer, String> m = new TreeMap<>();
        m.put(5, "E100");
        m.put(6, "Doe");
        m.put(7, "Jane");
        m.put(19, "RPT-" + reportKey);
        m.put(20, reportKey);
        m.put(21, "DEFAULT");
        m.put(22, "USD");
        m.put(24, "2026-11-20");
        m.put(27, "Trip");
        m.put(61, "ENT-" + reportKey);
        m.put(62, "REG");
        m.put(63, "Hotel");
        m.put(65, "USD");
        m.put(126, "CASH");
        m.put(163, payer.equals("COMP") ? "COMPANY" : payer);
        m.put(164, payer);
        m.put(165, payee.equals("COMP") ? "COMPANY" : payee);
        m.put(166, payee);
        m.put(167, account);
        m.put(168, dc);
        m.put(169, amount);
        return m;
    }

    static Map<Integer, String> with(Map<Integer, String> row, Object... columnValuePairs) {
        Map<Integer, String> m = new TreeMap<>(row);
        for (int i = 0; i < columnValuePairs.length; i += 2) {
            m.put((Integer) columnValuePairs[i], (String) columnValuePairs[i + 1]);
        }
        return m;
    }
}
