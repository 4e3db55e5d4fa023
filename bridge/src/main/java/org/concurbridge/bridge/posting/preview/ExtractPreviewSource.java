package org.concurbridge.bridge.posting.preview;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.concurbridge.bridge.posting.BuildResult;
import org.concurbridge.bridge.posting.Money;
import org.concurbridge.bridge.posting.extract.ExtractBuild;
import org.concurbridge.bridge.posting.extract.ExtractJournalBuilder;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.client.extract.ExtractHeader;
import org.concurbridge.client.extract.ExtractZip;
import org.concurbridge.client.extract.FileProblem;
import org.concurbridge.client.extract.RowProblem;

/**
 * SAE and PRAE files (or a zip of them): the file summary carries the header's batch id, record count and control
 * total; unreadable rows and file problems are errors with their line and column (the header is line 1); a file held
 * whole is marked {@code held} and lists no document (nothing of it would post), only its errors.
 */
final class ExtractPreviewSource implements PreviewSource {

    private final ExtractJournalBuilder.Format format;

    ExtractPreviewSource(ExtractJournalBuilder.Format format) {
        this.format = format;
    }

    @Override
    public FileResult read(Path file, PostingMapping mapping) {
        String name = file.toString();
        ExtractJournalBuilder builder = new ExtractJournalBuilder(mapping);
        try {
            if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                return zip(file, builder);
            }
            return result(name, builder.build(format, ExtractJournalBuilder.Source.of(name,
                    () -> Files.newInputStream(file))));
        } catch (IOException | UncheckedIOException e) {
            return new FileResult(new PreviewReport.FileSummary(name, 0, null, null, null), List.of(),
                    List.of(new PreviewReport.Error(name, null, null, null, null, "cannot read the file: "
                            + e.getMessage())));
        }
    }

    /** A zip delivery: every member must be an extract file (checked before any is read); one result per member. */
    private FileResult zip(Path file, ExtractJournalBuilder builder) throws IOException {
        String name = file.toString();
        try (ExtractZip zip = ExtractZip.open(file)) {
            List<BuildResult> results = new ArrayList<>();
            List<PreviewReport.Error> errors = new ArrayList<>();
            int documents = 0;
            boolean held = false;
            PreviewReport.FileSummary first = null;
            for (ExtractZip.Member m : zip.members()) {
                try (InputStream in = zip.open(m)) {
                    FileResult r = result(name + "!" + m.name(), builder.build(format, in, m.name()));
                    results.addAll(r.results());
                    errors.addAll(r.errors());
                    documents += r.summary().documents();
                    held |= Boolean.TRUE.equals(r.summary().held());
                    first = first == null ? r.summary() : first;
                }
            }
            // one held member holds the whole delivery (the posting job posts none of its files)
            return new FileResult(new PreviewReport.FileSummary(name, documents,
                    first == null ? null : first.batchId(), first == null ? null : first.recordCount(),
                    first == null ? null : first.controlTotal(), held ? Boolean.TRUE : null),
                    held ? results.stream().filter(r -> !r.isOk()).toList() : results, errors);
        } catch (ExtractZip.ExtractZipException e) {
            return new FileResult(new PreviewReport.FileSummary(name, 0, null, null, null), List.of(),
                    List.of(new PreviewReport.Error(name, null, null, null, null, e.problem().message())));
        }
    }

    private static FileResult result(String name, ExtractBuild build) {
        ExtractHeader h = build.summary().header();
        List<PreviewReport.Error> errors = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (FileProblem f : build.summary().fileProblems()) {
            errors.add(new PreviewReport.Error(name, null, f.kind().name(), f.line(), f.column(),
                    f.message() + (f.expected() == null ? "" : " (expected " + f.expected() + ", actual "
                            + f.actual() + ")")));
        }
        for (RowProblem p : build.rowProblems()) {
            String doc = p.reportKey() == null ? null
                    : build.format().toLowerCase(Locale.ROOT) + ":" + build.batchId() + ":" + p.reportKey().trim();
            listed.add(doc);
            errors.add(new PreviewReport.Error(name, doc, p.columnName(), p.line(), p.column(), p.message()));
        }
        Set<String> fileProblems = new HashSet<>();
        build.summary().fileProblems().forEach(f -> fileProblems.add(f.describe()));
        for (String reason : build.heldReasons()) {
            if (!fileProblems.contains(reason)) {
                errors.add(new PreviewReport.Error(name, null, null, null, null, "file held: " + reason));
            }
        }
        // a quarantined report's row problems are listed above, with line and column; a held file lists no document
        // as if it would post, only the problems of its reports
        List<BuildResult> results = build.results().stream().filter(r -> !listed.contains(r.key()))
                .filter(r -> !build.held() || !r.isOk()).toList();
        return new FileResult(new PreviewReport.FileSummary(name, build.results().size(),
                h == null ? null : h.batchId(), h == null ? null : h.recordCount(),
                h == null ? null : Money.format(h.journalAmountTotal()), build.held() ? Boolean.TRUE : null), results,
                errors);
    }
}
