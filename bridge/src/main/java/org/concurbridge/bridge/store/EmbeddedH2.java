package org.concurbridge.bridge.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded H2 file store made safe to share with CLI commands (docs/decisions.md, "Embedded H2 next to the
 * service"): its directory is owner-only ({@code rwx------}); with {@code AUTO_SERVER=TRUE} the TCP server H2 starts
 * for a second process listens on loopback only ({@code h2.bindAddress}) and the database user has a generated
 * password kept, like the encryption key, in an owner-only file. A database created by an older version with an
 * empty password gets the generated one on the first start.
 */
public final class EmbeddedH2 {
    /** The H2 system property naming the address its servers bind to; read once, when H2 first loads. */
    public static final String BIND_ADDRESS_PROPERTY = "h2.bindAddress";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedH2.class);
    private static final int WRONG_USER_OR_PASSWORD = 28000;
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private EmbeddedH2() {
    }

    /**
     * Makes H2 bind its servers to loopback; call before any H2 class is loaded (the jar's main does it first). A
     * value set by the operator is kept (and then checked by {@link #requireLoopbackServer()}).
     */
    public static void bindServersToLoopback() {
        if (System.getProperty(BIND_ADDRESS_PROPERTY) == null) {
            System.setProperty(BIND_ADDRESS_PROPERTY, "127.0.0.1");
        }
    }

    /** The database file's path (without {@code .mv.db}) of a {@code jdbc:h2:file:} or {@code jdbc:h2:./x} URL. */
    static Optional<Path> databasePath(String url) {
        String rest = url.substring("jdbc:h2:".length());
        int semi = rest.indexOf(';');
        String name = semi < 0 ? rest : rest.substring(0, semi);
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (name.startsWith("mem:") || name.startsWith("tcp:") || name.startsWith("ssl:")
                || name.startsWith("zip:") || name.contains(":") && !name.matches("[A-Za-z]:[\\\\/].*")) {
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name));
    }

    static boolean autoServer(String url) {
        return url.toUpperCase(Locale.ROOT).replace(" ", "").contains(";AUTO_SERVER=TRUE");
    }

    /** Creates {@code dir} (and parents) owner-only, or narrows an existing one to {@code rwx------}. */
    static void ownerOnlyDirectory(Path dir) {
        try {
            Path abs = dir.toAbsolutePath();
            if (Files.notExists(abs)) {
                Files.createDirectories(abs);
            }
            PosixFileAttributeView view = Files.getFileAttributeView(abs, PosixFileAttributeView.class);
            if (view == null) {
                log.warn("event=store_directory_permissions_unsupported dir={} note=\"restrict access by hand\"", abs);
                return;
            }
            Set<PosixFilePermission> perms = view.readAttributes().permissions();
            if (!perms.equals(OWNER_ONLY_DIR)) {
                view.setPermissions(OWNER_ONLY_DIR);
                log.info("event=store_directory_restricted dir={} was={} now=rwx------", abs,
                        PosixFilePermissions.toString(perms));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the store directory " + dir.toAbsolutePath()
                    + " owner-only (rwx------): " + e.getMessage() + "; create it for the bridge's user, or use"
                    + " PostgreSQL (bridge.store.url)", e);
        }
    }

    /** Refuses to open an {@code AUTO_SERVER} database when H2 would listen beyond loopback. */
    static void requireLoopbackServer() {
        bindServersToLoopback();
        String bound = org.h2.engine.SysProperties.BIND_ADDRESS;
        boolean loopback;
        try {
            loopback = bound != null && !bound.isBlank() && InetAddress.getByName(bound).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            throw new IllegalStateException("the embedded store's URL has AUTO_SERVER=TRUE, but H2's servers would"
                    + " listen on " + (bound == null ? "all interfaces" : bound) + " (system property "
                    + BIND_ADDRESS_PROPERTY + " " + (bound == null ? "was not set before H2 loaded" : "is not loopback")
                    + "); start the bridge with -D" + BIND_ADDRESS_PROPERTY + "=127.0.0.1, remove AUTO_SERVER=TRUE from"
                    + " bridge.store.url, or use PostgreSQL");
        }
    }

    /** The generated database password in {@code file}, created (owner-only, 32 random bytes) when missing. */
    static String password(Path file, SecureRandom random) {
        if (Files.notExists(file)) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Path dir = file.toAbsolutePath().getParent();
            Path tmp = dir.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                Files.createDirectories(dir);
                Files.deleteIfExists(tmp);
                if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null) {
                    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
                } else {
                    Files.createFile(tmp);
                }
                Files.writeString(tmp, generated + "\n", StandardCharsets.US_ASCII);
                Files.createLink(file, tmp); // never overwrites: a process that created it first wins
                log.info("event=store_password_file_created file={}", file);
            } catch (FileAlreadyExistsException e) {
                // created by another process at the same moment: read theirs
            } catch (IOException | UnsupportedOperationException e) {
                throw new IllegalStateException("cannot create the store password file " + file + ": " + e
                        + "; make " + dir + " writable, or set bridge.store.password", e);
            } finally {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover temporary file holds a password nobody uses
                }
            }
        }
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (view != null) {
                Set<PosixFilePermission> extra = EnumSet.copyOf(view.readAttributes().permissions());
                extra.removeAll(OWNER_ONLY_DIR);
                if (!extra.isEmpty()) {
                    throw new IllegalStateException("store password file " + file + " is accessible by group or"
                            + " others; run: chmod 600 " + file);
                }
            }
            String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (password.isEmpty()) {
                throw new IllegalStateException("store password file " + file + " is empty; restore it from the"
                        + " backup (the database was created with its password)");
            }
            return password;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the store password file " + file + ": " + e, e);
        }
    }

    /**
     * A database file created without a password (older versions) gets {@code password}: opened with the empty
     * password, its user's password is set. Nothing happens for a new database (H2 creates it with the password of
     * the first connection) or one that accepts {@code password} already.
     */
    static void adoptPassword(String url, Path database, String user, String password) {
        if (Files.notExists(Path.of(database + ".mv.db"))) {
            return;
        }
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return;
        } catch (SQLException e) {
            if (e.getErrorCode() != WRONG_USER_OR_PASSWORD) {
                return; // not ours to judge here: the pool reports it
            }
        }
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            String name;
            try (var rs = s.executeQuery("select current_user")) {
                rs.next();
                name = rs.getString(1);
            }
            s.execute("alter user \"" + name.replace("\"", "\"\"") + "\" set password '"
                    + password.replace("'", "''") + "'");
            log.info("event=store_password_set database={} note=\"the database had no password; it now has the"
                    + " generated one from the password file\"", database);
        } catch (SQLException e) {
            throw new IllegalStateException("the store " + database + " accepts neither the generated password nor"
                    + " an empty one; set bridge.store.password to its password", e);
        }
    }
}
