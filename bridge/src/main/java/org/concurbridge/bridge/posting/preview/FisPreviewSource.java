package org.concurbridge.bridge.posting.preview;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.concurbridge.bridge.posting.BuildResult;
import org.concurbridge.bridge.posting.fis.FisJournalBuilder;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.client.fis.FisDocumentException;
import org.concurbridge.client.fis.FisDocuments;
import org.concurbridge.client.fis.FisReadResult;

/** FIS files: a GET page, an example envelope, a single FIDocument or a bare document. */
final class FisPreviewSource implements PreviewSource {

    @Override
    public FileResult read(Path file, PostingMapping mapping) {
        String name = file.toString();
        List<FisReadResult> read;
        try (InputStream in = Files.newInputStream(file)) {
            read = FisDocuments.read(in);
        } catch (IOException e) {
            return failed(name, null, "cannot read the file: " + e.getMessage());
        } catch (FisDocumentException e) {
            return failed(name, e.jsonPath().equals("$") ? null : e.jsonPath(), e.reason());
        }
        FisJournalBuilder builder = new FisJournalBuilder(mapping);
        List<BuildResult> results = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            FisReadResult r = read.get(i);
            if (r instanceof FisReadResult.Parsed p) {
                results.add(builder.build(p.document()));
            } else {
                String fallback = read.size() == 1 ? name : name + "#" + i;
                results.add(FisJournalBuilder.malformed((FisReadResult.Malformed) r, fallback));
            }
        }
        return new FileResult(new PreviewReport.FileSummary(name, read.size(), null, null, null), results, List.of());
    }

    private static FileResult failed(String name, String field, String message) {
        return new FileResult(new PreviewReport.FileSummary(name, 0, null, null, null), List.of(),
                List.of(new PreviewReport.Error(name, null, field, null, null, message)));
    }
}
