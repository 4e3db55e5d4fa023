package org.concurbridge.client.extract;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Chooses the character set of an extract file: a byte-order mark wins; otherwise the configured charset;
 * otherwise UTF-8 when the first {@link ExtractOptions#SNIFF_BYTES} bytes are valid UTF-8, else Windows-1252.
 * A UTF-16 byte-order mark is recognised so that it can be reported (extract files are ASCII-compatible).
 */
final class CharsetDetection {

    record Decoded(InputStream in, Charset charset, String source) {
    }

    private CharsetDetection() {
    }

    static Decoded open(InputStream raw, Charset configured) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, ExtractOptions.SNIFF_BYTES + 8);
        in.mark(ExtractOptions.SNIFF_BYTES + 8);
        byte[] head = in.readNBytes(ExtractOptions.SNIFF_BYTES);
        in.reset();
        Charset cs;
        String source;
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            cs = StandardCharsets.UTF_8;
            source = "bom";
        } else if (startsWith(head, 0xFE, 0xFF) || startsWith(head, 0xFF, 0xFE)) {
            cs = StandardCharsets.UTF_16;
            source = "bom";
        } else if (configured != null) {
            cs = configured;
            source = "configured";
        } else if (isUtf8(head, head.length < ExtractOptions.SNIFF_BYTES)) {
            cs = StandardCharsets.UTF_8;
            source = "detected-utf-8";
        } else {
            cs = ExtractOptions.WINDOWS_1252;
            source = "detected-windows-1252";
        }
        return new Decoded(in, cs, source);
    }

    static CharsetDecoder strict(Charset cs) {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUtf8(byte[] bytes, boolean wholeFile) {
        CharsetDecoder d = strict(StandardCharsets.UTF_8);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = d.decode(ByteBuffer.wrap(bytes), out, wholeFile);
        return !r.isError();
    }
}
