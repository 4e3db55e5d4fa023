package org.concurbridge.bridge.cli;

import org.concurbridge.bridge.posting.preview.Preview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Dry run: how documents would post, as JSON on stdout; no Concur, no ERP, no database. */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = {"Show, as JSON on stdout, the journal each document would post: key, kind, currency and journal"
                + " lines (account, debit, credit, cost objects, text). Problems go to an \"errors\" array.",
                "Exit status: 0 when every document maps, 2 otherwise."})
final class PreviewCommand implements Callable<Integer> {

    @Option(names = "--format", required = true, description = "Input format: ${COMPLETION-CANDIDATES}.",
            converter = FormatConverter.class, completionCandidates = Formats.class)
    Preview.Format format;

    @Option(names = "--mapping", description = "Mapping file (YAML or JSON); without it Concur's own account codes are used.")
    Path mapping;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Documents to preview.")
    List<Path> files;

    @Override
    public Integer call() {
        return new Preview().run(files, format, Optional.ofNullable(mapping), System.out);
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Preview.Format> {
        @Override
        public Preview.Format convert(String value) {
            for (Preview.Format f : Preview.Format.values()) {
                if (f.id().equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("unknown format '" + value + "'; expected one of "
                    + String.join(", ", new Formats()));
        }
    }

    static final class Formats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(Preview.Format.values()).map(Preview.Format::id).iterator();
        }
    }
}
