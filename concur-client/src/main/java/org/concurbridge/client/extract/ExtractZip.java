package org.concurbridge.client.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The extract files inside a zip delivery (the Extracts API answers {@code application/zip} when a definition
 * produces several files). Every member is checked when the archive is opened, before any is read: a member that
 * is not an extract file (by extension), has an unsafe name ({@code ..}, absolute) or an archive without members
 * is rejected as a {@link FileProblem.Kind#ZIP_CONTENT} problem, so a half-understood delivery is never
 * half-posted. Reads the archive's central directory, so the download is saved to a file first.
 */
public final class ExtractZip implements AutoCloseable {

    /** The largest member read (uncompressed): 4 GiB; a larger one, declared or read, is a ZIP_CONTENT problem. */
    public static final long MAX_MEMBER_BYTES = 4L << 30;

    /** Extensions accepted by default for extract members. */
    public static final Set<String> DEFAULT_EXTENSIONS = Set.of("csv", "txt");

    /** One member: its name inside the archive and its uncompressed size (-1 when unknown). */
    public record Member(String name, long size) {
    }

    private final ZipFile zip;
    private final List<Member> members;
    private final long maxMemberBytes;

    private ExtractZip(ZipFile zip, List<Member> members, long maxMemberBytes) {
        this.zip = zip;
        this.members = members;
        this.maxMemberBytes = maxMemberBytes;
    }

    /** Opens a zip accepting {@link #DEFAULT_EXTENSIONS}. */
    public static ExtractZip open(Path file) {
        return open(file, DEFAULT_EXTENSIONS);
    }

    /**
     * Opens a zip and checks every member.
     *
     * @throws ExtractZipException with a {@link FileProblem.Kind#ZIP_CONTENT} problem naming the unexpected members
     */
    public static ExtractZip open(Path file, Set<String> allowedExtensions) {
        return open(file, allowedExtensions, MAX_MEMBER_BYTES);
    }

    /** As {@link #open(Path, Set)} with another member size cap (tests). */
    static ExtractZip open(Path file, Set<String> allowedExtensions, long maxMemberBytes) {
        String name = file.getFileName().toString();
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            throw new ExtractZipException(new FileProblem(name, FileProblem.Kind.ZIP_CONTENT, 0,
                    "not a readable zip archive: " + e.getMessage(), null, null), e);
        }
        List<Member> ok = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        for (ZipEntry e : Collections.list(zip.entries())) {
            if (e.isDirectory()) {
                continue;
            }
            String n = e.getName();
            int dot = n.lastIndexOf('.');
            String ext = dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
            boolean unsafe = n.startsWith("/") || n.startsWith("\\") || n.contains("..");
            if (unsafe || !allowedExtensions.contains(ext)) {
                unexpected.add(n);
            } else if (e.getSize() > maxMemberBytes) {
                unexpected.add(n + " (" + e.getSize() + " bytes, more than " + maxMemberBytes + ")");
            } else {
                ok.add(new Member(n, e.getSize()));
            }
        }
        String why = !unexpected.isEmpty()
                ? "unexpected members " + unexpected + " (accepted: " + allowedExtensions.stream().sorted()
                        .map(x -> "*." + x).toList() + ", safe relative names)"
                : ok.isEmpty() ? "the archive holds no extract file" : null;
        if (why != null) {
            closeQuietly(zip);
            throw new ExtractZipException(new FileProblem(name, FileProblem.Kind.ZIP_CONTENT, 0, why, null, null),
                    null);
        }
        return new ExtractZip(zip, List.copyOf(ok), maxMemberBytes);
    }

    /** The extract members, in archive order. */
    public List<Member> members() {
        return members;
    }

    /** The bytes of one member; give them to {@link SaeParser#open(InputStream, String)} with the member name. */
    public InputStream open(Member member) {
        ZipEntry e = zip.getEntry(member.name());
        try {
            return new Capped(zip.getInputStream(e), member.name(), maxMemberBytes);
        } catch (IOException ex) {
            throw new ExtractZipException(new FileProblem(member.name(), FileProblem.Kind.ZIP_CONTENT, 0,
                    "member cannot be read: " + ex.getMessage(), null, null), ex);
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // nothing was written; closing a read-only archive cannot lose data
        }
    }

    /** A zip delivery that cannot be used; carries the file-level problem. */
    public static final class ExtractZipException extends RuntimeException {
        private final transient FileProblem problem;

        ExtractZipException(FileProblem problem, Throwable cause) {
            super(problem.describe(), cause);
            this.problem = problem;
        }

        public FileProblem problem() {
            return problem;
        }
    }

    /** A member's bytes, failing once more than the cap were read (a size the archive understated). */
    private static final class Capped extends java.io.FilterInputStream {
        private final String name;
        private final long max;
        private long read;

        Capped(InputStream in, String name, long max) {
            super(in);
            this.name = name;
            this.max = max;
        }

        private int count(int n) throws IOException {
            if (n > 0) {
                read += n;
                if (read > max) {
                    throw new IOException("zip member " + name + " is larger than " + max + " bytes; refused");
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return count(super.read(b, off, len));
        }
    }
}
