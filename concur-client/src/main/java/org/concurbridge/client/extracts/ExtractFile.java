package org.concurbridge.client.extracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.concurbridge.client.ApiCalls;

/**
 * A downloaded extract delivery on disk: one CSV file ({@code text/csv}) or a zip of several
 * ({@code application/zip}, open it with {@code ExtractZip}). The kind comes from the {@code Content-Type}, else from
 * the first bytes (a zip starts with {@code PK}).
 */
public record ExtractFile(Path file, Kind kind, String contentType, long bytes, String correlationId) {

    public enum Kind { CSV, ZIP }

    /** The delivery a download wrote, its kind told by the content type or the file's first bytes. */
    public static ExtractFile of(ApiCalls.Download d) {
        boolean zipMagic;
        try (InputStream in = Files.newInputStream(d.file())) {
            byte[] head = in.readNBytes(2);
            zipMagic = head.length == 2 && head[0] == 'P' && head[1] == 'K';
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + d.file(), e);
        }
        return new ExtractFile(d.file(), kindOf(d.contentType(), zipMagic), d.contentType(), d.bytes(),
                d.correlationId());
    }

    static Kind kindOf(String contentType, boolean startsWithZipMagic) {
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (ct.contains("zip")) {
            return Kind.ZIP;
        }
        if (ct.contains("csv") || ct.startsWith("text/")) {
            return Kind.CSV;
        }
        return startsWithZipMagic ? Kind.ZIP : Kind.CSV;
    }
}
