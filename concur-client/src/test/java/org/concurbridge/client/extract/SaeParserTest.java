package org.concurbridge.client.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SaeParserTest {

    private static final SaeFileGenerator GEN = SaeFileGenerator.standard();

    /** A generated, valid SAE file of {@code n} rows, as text. */
    private static String file(int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            GEN.write(out, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void utf16FileIsAnEncodingProblem() {
        byte[] body = file(1).getBytes(StandardCharsets.UTF_16);
        Parsed<SaeRow> p = Parsed.sae(body, ExtractOptions.defaults());
        assertThat(p.summary().fileProblems()).extracting(FileProblem::kind)
                .containsExactly(FileProblem.Kind.ENCODING);
    }

    private static Parsed<SaeRow> parse(String text) {
        return Parsed.sae(text.getBytes(StandardCharsets.UTF_8), ExtractOptions.defaults());
    }

    /** Replaces a column of a line without quoted values (lines 7-11 of a generated file: report 1). */
    private static String replaceColumn(String line, int column, String value) {
        assertThat(line).doesNotContain("\"");
        String[] f = line.split("\\|", -1);
        f[column - 1] = value;
        return String.join("|", f);
    }

    @Test
    void generatedFileParsesWithVerifiedControlTotals() {
        Parsed<SaeRow> p = parse(file(40));
        assertThat(p.problems()).isEmpty();
        assertThat(p.summary().fileProblems()).isEmpty();
        assertThat(p.summary().detailRecords()).isEqualTo(40);
        assertThat(p.summary().journalTotalVerified()).isTrue();
        assertThat(p.header().journalAmountTotal()).isEqualByComparingTo(GEN.total(40));
        assertThat(p.rows()).extracting(SaeRow::entryTransactionType).contains("REG", "CHD");
        assertThat(p.rows()).extracting(SaeRow::reportName).contains("Trip to \"HQ\" | Q1");
    }

    @Test
    void utf8ByteOrderMarkIsSkippedAndWins() {
        String text = file(3).replace("Müller", "Mü");
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Parsed<SaeRow> p = Parsed.sae(withBom, ExtractOptions.defaults().withCharset(ExtractOptions.WINDOWS_1252));
        assertThat(p.summary().fileProblems()).isEmpty();
        assertThat(p.summary().charsetSource()).isEqualTo("bom");
        assertThat(p.summary().charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(p.rows()).hasSize(3);
    }

    @Test
    void windows1252IsDetectedWhenTheBytesAreNotUtf8() {
        String[] lines = file(10).split("\n");
        lines[6] = replaceColumn(lines[6], 6, "Müller-Ñúñez €");
        Charset cp1252 = ExtractOptions.WINDOWS_1252;
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(cp1252);
        Parsed<SaeRow> p = Parsed.sae(bytes, ExtractOptions.defaults());
        assertThat(p.summary().charsetSource()).isEqualTo("detected-windows-1252");
        assertThat(p.rows().get(5).employeeLastName()).isEqualTo("Müller-Ñúñez €");
        // the same bytes read as configured UTF-8: the column holding them fails when read, naming line and column
        Parsed<SaeRow> strict = Parsed.sae(bytes, ExtractOptions.defaults().withCharset(StandardCharsets.UTF_8));
        assertThat(strict.summary().fileProblems()).isEmpty();
        assertThatThrownBy(() -> strict.rows().get(5).employeeLastName())
                .isInstanceOf(ExtractFieldException.class)
                .hasMessageContaining("line 7 column 6 (Employee Last Name)")
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void delimiterIsDetectedFromTheHeader() {
        String semi = file(4).replace('|', ';');
        Parsed<SaeRow> p = parse(semi);
        assertThat(p.summary().delimiter()).isEqualTo(';');
        assertThat(p.problems()).isEmpty();
        assertThat(p.rows()).hasSize(4);
        assertThat(p.rows().get(0).journalAmount()).isEqualByComparingTo(parse(file(4)).rows().get(0).journalAmount());
    }

    @Test
    void configuredDelimiterThatContradictsTheHeaderHoldsTheFile() {
        Parsed<SaeRow> p = Parsed.sae(file(2).getBytes(StandardCharsets.UTF_8),
                ExtractOptions.defaults().withDelimiter(','));
        assertThat(p.rows()).isEmpty();
        assertThat(p.summary().heldWhole()).isTrue();
        assertThat(p.summary().fileProblems()).singleElement().satisfies(fp -> {
            assertThat(fp.kind()).isEqualTo(FileProblem.Kind.BAD_HEADER);
            assertThat(fp.expected()).isEqualTo(",");
            assertThat(fp.actual()).isEqualTo("|");
        });
    }

    @Test
    void crlfLineEndsAreAccepted() {
        Parsed<SaeRow> p = parse(file(5).replace("\n", "\r\n"));
        assertThat(p.problems()).isEmpty();
        assertThat(p.summary().fileProblems()).isEmpty();
        assertThat(p.rows().get(4).text(400)).isEmpty();
    }

    @Test
    void truncatedFileIsHeldWholeWithExpectedAndActualCounts() {
        String text = file(10);
        String cut = text.substring(0, text.length() - 700);
        Parsed<SaeRow> p = parse(cut);
        assertThat(p.summary().heldWhole()).isTrue();
        assertThat(p.summary().fileProblems()).anySatisfy(fp -> {
            assertThat(fp.kind()).isEqualTo(FileProblem.Kind.TRUNCATED);
            assertThat(fp.expected()).isEqualTo("10");
            assertThat(fp.actual()).isEqualTo("10");
        });
        assertThat(p.problems()).singleElement().satisfies(rp -> {
            assertThat(rp.line()).isEqualTo(11);
            assertThat(rp.message()).contains("the file ends without a line break");
        });
        // cut exactly between two records: fewer records than announced
        String shortFile = text.substring(0, text.lastIndexOf("DETAIL|"));
        Parsed<SaeRow> q = parse(shortFile);
        assertThat(q.summary().fileProblems()).first().satisfies(fp -> {
            assertThat(fp.kind()).isEqualTo(FileProblem.Kind.TRUNCATED);
            assertThat(fp.expected()).isEqualTo("10");
            assertThat(fp.actual()).isEqualTo("9");
        });
    }

    @Test
    void wrongJournalTotalIsHeldWholeWithExpectedAndActual() {
        String text = file(6);
        String header = text.substring(0, text.indexOf('\n'));
        String[] h = header.split("\\|");
        h[3] = "12.3400";
        Parsed<SaeRow> p = parse(String.join("|", h) + text.substring(text.indexOf('\n')));
        assertThat(p.rows()).hasSize(6);
        assertThat(p.summary().journalTotalVerified()).isFalse();
        assertThat(p.summary().fileProblems()).singleElement().satisfies(fp -> {
            assertThat(fp.kind()).isEqualTo(FileProblem.Kind.JOURNAL_TOTAL_MISMATCH);
            assertThat(fp.expected()).isEqualTo("12.3400");
            assertThat(new BigDecimal(fp.actual())).isEqualByComparingTo(GEN.total(6));
            assertThat(fp.describe()).contains("expected 12.3400");
        });
    }

    @Test
    void wrongRecordCountIsHeldWhole() {
        String text = file(3);
        Parsed<SaeRow> p = parse(text.replaceFirst("\\|3\\|", "|2|"));
        assertThat(p.summary().fileProblems()).extracting(FileProblem::kind)
                .containsExactly(FileProblem.Kind.RECORD_COUNT_MISMATCH);
    }

    @Test
    void unparseableRowIsAProblemWithLineColumnAndReportKeyAndLaterRowsStillParse() {
        String[] lines = file(10).split("\n");
        lines[7] = replaceColumn(lines[7], 64, "2026-13-45");
        String key = lines[7].split("\\|", -1)[19];
        Parsed<SaeRow> p = parse(String.join("\n", lines) + "\n");
        assertThat(p.problems()).singleElement().satisfies(rp -> {
            assertThat(rp.line()).isEqualTo(8);
            assertThat(rp.column()).isEqualTo(64);
            assertThat(rp.columnName()).isEqualTo("Report Entry Transaction Date");
            assertThat(rp.reportKey()).isEqualTo(key);
            assertThat(rp.message()).contains("Report Entry Transaction Date '2026-13-45'");
        });
        assertThat(p.rows()).extracting(SaeRow::lineNumber).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 9L, 10L, 11L);
        // the bad row's amount was readable, so the control total still holds
        assertThat(p.summary().fileProblems()).isEmpty();
        assertThat(p.summary().journalTotalVerified()).isTrue();
    }

    @Test
    void badHeaderIsAFileProblem() {
        assertThat(parse("").summary().fileProblems()).extracting(FileProblem::kind)
                .containsExactly(FileProblem.Kind.BAD_HEADER);
        assertThat(parse("DETAIL|1|2|3\n").summary().fileProblems().get(0).message())
                .contains("must start with EXTRACT");
        Parsed<SaeRow> p = parse("EXTRACT|2026-11-31|0|0|7\n");
        assertThat(p.summary().fileProblems()).singleElement()
                .satisfies(fp -> assertThat(fp.message()).contains("column 2").contains("Batch_Date"));
    }

    @Test
    void secondHeaderStopsTheFile() {
        String text = file(2);
        Parsed<SaeRow> p = parse(text + text);
        assertThat(p.summary().fileProblems()).extracting(FileProblem::kind)
                .containsExactly(FileProblem.Kind.SECOND_HEADER);
    }

    @Test
    void typedAccessorOnATextColumnNamesTheColumnInItsError() {
        Parsed<SaeRow> p = parse(file(1));
        SaeRow row = p.rows().get(0);
        assertThatThrownBy(() -> row.decimal(63))
                .isInstanceOf(ExtractFieldException.class)
                .hasMessageContaining("line 2 column 63 (Report Entry Expense Type Name)")
                .satisfies(e -> assertThat(((ExtractFieldException) e).problem().reportKey())
                        .isEqualTo(row.reportKey()));
    }

    @Test
    void rowFromTheReaderIsAReusedViewAndCopyIsASnapshot() {
        List<SaeRow> views = new ArrayList<>();
        List<SaeRow> copies = new ArrayList<>();
        try (ExtractReader<SaeRow> r = new SaeParser().open(bytes(file(3)), "f")) {
            while (r.next()) {
                views.add(r.row());
                copies.add(r.row().copy());
            }
        }
        assertThat(views).allSatisfy(v -> assertThat(v).isSameAs(views.get(0)));
        assertThat(copies).extracting(SaeRow::sequenceNumber).containsExactly(1L, 2L, 3L);
        assertThat(copies.get(0).rawLine()).startsWith("DETAIL|4242|2026-11-30|1|");
    }

    @Test
    void rowProblemWithoutCurrentRowRefusesRowAccess() {
        String[] lines = file(10).split("\n");
        lines[6] = replaceColumn(lines[6], 169, "abc");
        String text = lines[0] + "\n" + lines[6] + "\n";
        try (ExtractReader<SaeRow> r = new SaeParser().open(bytes(text), "f")) {
            assertThat(r.next()).isTrue();
            assertThat(r.problem()).isPresent();
            assertThatThrownBy(r::row).isInstanceOf(IllegalStateException.class).hasMessageContaining("line 2");
            assertThat(r.next()).isFalse();
            assertThat(r.summary().rowsWithoutAmount()).isEqualTo(1);
            assertThat(r.summary().journalTotalVerified()).isFalse();
        }
    }

    @Test
    void overlongLineIsAFileProblemNotAnUnboundedBuffer() {
        String text = file(1) + "DETAIL|\"" + "x".repeat(5000) + "\n";
        Parsed<SaeRow> p = Parsed.sae(text.getBytes(StandardCharsets.UTF_8),
                ExtractOptions.defaults().withMaxLineBytes(2048));
        assertThat(p.summary().fileProblems()).singleElement().satisfies(fp -> {
            assertThat(fp.kind()).isEqualTo(FileProblem.Kind.LINE_TOO_LONG);
            assertThat(fp.line()).isEqualTo(3);
        });
    }

    @Test
    void optionsRefuseDelimitersAndCharsetsTheByteTokenizerCannotHonour() {
        assertThatThrownBy(() -> ExtractOptions.defaults().withDelimiter('"'))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delimiter");
        assertThatThrownBy(() -> ExtractOptions.defaults().withDelimiter('§'))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ASCII");
        assertThatThrownBy(() -> ExtractOptions.defaults().withCharset(StandardCharsets.UTF_16LE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not ASCII-compatible");
        assertThat(ExtractOptions.defaults().withCharset(ExtractOptions.WINDOWS_1252).charset())
                .isEqualTo(ExtractOptions.WINDOWS_1252);
    }
}
