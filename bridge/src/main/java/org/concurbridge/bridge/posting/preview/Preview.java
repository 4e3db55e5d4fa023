package org.concurbridge.bridge.posting.preview;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.concurbridge.bridge.posting.BuildResult;
import org.concurbridge.bridge.posting.JournalLine;
import org.concurbridge.bridge.posting.Money;
import org.concurbridge.bridge.posting.PostingDocument;
import org.concurbridge.bridge.posting.Problem;
import org.concurbridge.bridge.posting.extract.ExtractJournalBuilder;
import org.concurbridge.bridge.posting.mapping.FieldError;
import org.concurbridge.bridge.posting.mapping.MappingException;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code preview} dry run: builds the journals of source files with a connection's mapping (or Concur's own
 * codes) and prints them as JSON, posting nothing. Exit status {@link #OK} when every document maps,
 * {@link #PROBLEMS} otherwise. The CLI command only parses arguments and calls {@link #run}.
 */
public final class Preview {

    public static final int OK = 0;
    public static final int PROBLEMS = 2;

    /** Input formats: FIS documents (JSON), SAE and PRAE extract files (or a zip of them). */
    public enum Format {
        FIS(new FisPreviewSource()),
        SAE(new ExtractPreviewSource(ExtractJournalBuilder.Format.SAE)),
        PRAE(new ExtractPreviewSource(ExtractJournalBuilder.Format.PRAE));

        private final PreviewSource source;

        Format(PreviewSource source) {
            this.source = source;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Prints the report for {@code files} on {@code out} and returns the exit status. */
    public int run(List<Path> files, Format format, Optional<Path> mappingFile, PrintStream out) {
        PreviewReport report = report(files, format, mappingFile);
        out.println(JSON.writeValueAsString(report));
        out.flush();
        return report.ok() ? OK : PROBLEMS;
    }

    /** The report without printing it. */
    public PreviewReport report(List<Path> files, Format format, Optional<Path> mappingFile) {
        List<PreviewReport.Error> errors = new ArrayList<>();
        PostingMapping mapping;
        try {
            mapping = mappingFile.map(PostingMapping::load).orElseGet(PostingMapping::none);
        } catch (MappingException e) {
            String file = mappingFile.get().toString();
            for (FieldError f : e.errors()) {
                errors.add(new PreviewReport.Error(file, null, f.field().isEmpty() ? null : f.field(), null, null,
                        f.message()));
            }
            return new PreviewReport(format.id(), null, List.of(), List.of(), errors);
        }
        if (files.isEmpty()) {
            errors.add(new PreviewReport.Error(null, null, null, null, null, "no input files"));
        }
        List<PreviewReport.FileSummary> summaries = new ArrayList<>();
        List<PreviewReport.Document> documents = new ArrayList<>();
        for (Path file : files) {
            PreviewSource.FileResult result = format.source.read(file, mapping);
            summaries.add(result.summary());
            errors.addAll(result.errors());
            for (BuildResult r : result.results()) {
                if (r.isOk()) {
                    documents.add(document(file.toString(), r.document()));
                }
                for (Problem p : r.problems()) {
                    errors.add(new PreviewReport.Error(file.toString(), p.document(),
                            p.field() == null || p.field().isEmpty() ? null : p.field(), null, null, p.message()));
                }
            }
        }
        return new PreviewReport(format.id(), mapping.version(), summaries, documents, errors);
    }

    private static PreviewReport.Document document(String file, PostingDocument d) {
        List<PreviewReport.Line> lines = d.lines().stream().map(Preview::line).toList();
        return new PreviewReport.Document(file, d.idempotencyKey(), d.kind().name(), d.header().currency(),
                d.header().company(), d.header().postingDate() == null ? null : d.header().postingDate().toString(),
                d.header().reference(), lines);
    }

    private static PreviewReport.Line line(JournalLine l) {
        return new PreviewReport.Line(l.account(), Money.format(l.debit()), Money.format(l.credit()), l.costObjects(),
                l.text(), l.tax() == null ? null : l.tax().code() + (l.tax().deductible() ? "" : " non-deductible"),
                l.partner(), l.source());
    }
}
