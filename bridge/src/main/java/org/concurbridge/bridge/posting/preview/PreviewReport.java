package org.concurbridge.bridge.posting.preview;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * What {@code preview} prints: per input file, its documents with their journals, and every error. Members that do
 * not apply are left out of the JSON ({@code batchId}, {@code recordCount}, {@code controlTotal}, {@code line},
 * {@code column} are for extract files).
 *
 * @param format  the input format ({@code fis}, …)
 * @param mapping the mapping version used ({@code concur-codes} without a mapping file)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"format", "mapping", "files", "documents", "errors"})
public record PreviewReport(
        String format,
        String mapping,
        List<FileSummary> files,
        List<Document> documents,
        List<Error> errors) {

    /** True when every document maps and nothing went wrong. */
    public boolean ok() {
        return errors.isEmpty();
    }

    /**
     * One input file. {@code documents} counts the documents found; {@code batchId}, {@code recordCount} and
     * {@code controlTotal} are the header control values of an extract file; {@code held} is true for an extract file
     * held whole (bad counts or totals, unusable header…): nothing of it would post, so none of its documents is
     * listed under {@code documents}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileSummary(String file, Integer documents, String batchId, Long recordCount, String controlTotal,
                              Boolean held) {

        public FileSummary(String file, Integer documents, String batchId, Long recordCount, String controlTotal) {
            this(file, documents, batchId, recordCount, controlTotal, null);
        }
    }

    /** One document that maps completely. Amounts are decimal strings. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"file", "key", "kind", "currency", "company", "postingDate", "reference", "journal"})
    public record Document(String file, String key, String kind, String currency, String company, String postingDate,
                           String reference, List<Line> journal) {
    }

    /** One journal line: exactly one of debit and credit is non-zero. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"account", "debit", "credit", "costObjects", "text", "tax", "partner", "source"})
    public record Line(String account, String debit, String credit, Map<String, String> costObjects, String text,
                       String tax, String partner, String source) {
    }

    /**
     * One problem: the file, the document (its key) and field inside it when known, or the {@code line} and
     * {@code column} of an extract file.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"file", "document", "field", "line", "column", "message"})
    public record Error(String file, String document, String field, Long line, Integer column, String message) {
    }
}
