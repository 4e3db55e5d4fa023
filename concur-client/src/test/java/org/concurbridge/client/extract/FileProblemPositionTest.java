package org.concurbridge.client.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * Every file-level problem names a line and a column like a row problem does (the header is line 1): the control
 * totals name the header field that announced them, a second header or a line too long names its own line.
 */
class FileProblemPositionTest {

    private static final SaeFileGenerator GEN = SaeFileGenerator.standard();

    private static String file(int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            GEN.write(out, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static FileProblem only(String text) {
        Parsed<SaeRow> p = Parsed.sae(text.getBytes(StandardCharsets.UTF_8), ExtractOptions.defaults());
        assertThat(p.summary().fileProblems()).hasSize(1);
        return p.summary().fileProblems().get(0);
    }

    @Test
    void aWrongRecordCountNamesTheHeaderRecordCountField() {
        FileProblem fp = only(file(3).replaceFirst("\\|3\\|", "|2|"));
        assertThat(fp.kind()).isEqualTo(FileProblem.Kind.RECORD_COUNT_MISMATCH);
        assertThat(fp.line()).isEqualTo(1);
        assertThat(fp.column()).isEqualTo(3);
        assertThat(fp.columnName()).isEqualTo("Record_Count");
        assertThat(fp.describe()).contains("line 1").contains("column 3");
    }

    @Test
    void aWrongJournalTotalNamesTheHeaderTotalField() {
        String text = file(4);
        String[] h = text.substring(0, text.indexOf('\n')).split("\\|");
        h[3] = "1.0000";
        FileProblem fp = only(String.join("|", h) + text.substring(text.indexOf('\n')));
        assertThat(fp.kind()).isEqualTo(FileProblem.Kind.JOURNAL_TOTAL_MISMATCH);
        assertThat(fp.line()).isEqualTo(1);
        assertThat(fp.column()).isEqualTo(4);
        assertThat(fp.columnName()).isEqualTo("Journal Amount Total");
    }

    @Test
    void fewerRecordsThanAnnouncedNamesTheRecordCountAndAnUnfinishedLastLineItsLine() {
        String text = file(5);
        Parsed<SaeRow> fewer = Parsed.sae(text.substring(0, text.lastIndexOf("DETAIL|"))
                .getBytes(StandardCharsets.UTF_8), ExtractOptions.defaults());
        assertThat(fewer.summary().fileProblems()).anySatisfy(fp -> {
            assertThat(fp.kind()).isEqualTo(FileProblem.Kind.TRUNCATED);
            assertThat(fp.line()).isEqualTo(1);
            assertThat(fp.column()).isEqualTo(3);
        });
        assertThat(fewer.summary().fileProblems()).allSatisfy(fp -> assertThat(fp.line()).isEqualTo(1));
        Parsed<SaeRow> cut = Parsed.sae(text.substring(0, text.length() - 700).getBytes(StandardCharsets.UTF_8),
                ExtractOptions.defaults());
        assertThat(cut.summary().fileProblems()).anySatisfy(fp -> {
            assertThat(fp.kind()).isEqualTo(FileProblem.Kind.TRUNCATED);
            assertThat(fp.line()).isEqualTo(6);
            assertThat(fp.column()).isEqualTo(0);
        });
    }

    @Test
    void headerProblemsNameLineOneAndTheirField() {
        FileProblem date = only("EXTRACT|2026-11-31|0|0|7\n");
        assertThat(date.line()).isEqualTo(1);
        assertThat(date.column()).isEqualTo(2);
        assertThat(date.columnName()).isEqualTo("Batch_Date");
        FileProblem empty = only("");
        assertThat(empty.line()).isEqualTo(1);
        assertThat(empty.column()).isEqualTo(1);
        FileProblem notExtract = only("DETAIL|1|2|3\n");
        assertThat(notExtract.line()).isEqualTo(1);
        assertThat(notExtract.column()).isEqualTo(1);
    }

    @Test
    void aSecondHeaderNamesItsOwnLine() {
        String text = file(2);
        FileProblem fp = only(text + text);
        assertThat(fp.kind()).isEqualTo(FileProblem.Kind.SECOND_HEADER);
        assertThat(fp.line()).isEqualTo(4);
        assertThat(fp.column()).isEqualTo(1);
    }
}
