package org.concurbridge.bridge.posting.preview;

import java.nio.file.Path;
import java.util.List;
import org.concurbridge.bridge.posting.BuildResult;
import org.concurbridge.bridge.posting.mapping.PostingMapping;

/** Reads one input file of a format into built documents; one implementation per format (FIS now; SAE, PRAE next). */
interface PreviewSource {

    FileResult read(Path file, PostingMapping mapping);

    /** The file's summary, the build result of each document, and errors that belong to no document. */
    record FileResult(PreviewReport.FileSummary summary, List<BuildResult> results, List<PreviewReport.Error> errors) {
    }
}
