package org.concurbridge.bridge.secrets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The key file: one base64 AES-256 key per line, the first being the current key and any further lines previous keys
 * that still decrypt. Created on first start with owner-only permissions (POSIX {@code rw-------}); a file that group
 * or others can read is refused, as is an empty, corrupted or short one, each with a message naming the file, the
 * line and what is wrong.
 */
final class KeyFile {
    private static final Logger log = LoggerFactory.getLogger(KeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private KeyFile() {
    }

    /** Reads the key file, or creates it with a new random key when it does not exist. */
    static Keyring loadOrCreate(Path file, SecureRandom random) {
        if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] key = newKey(random);
            try {
                write(file, List.of(key), false);
                log.info("event=key_file_created file={} keyId={} note=\"back this file up with the database: "
                        + "without it the stored refresh tokens cannot be decrypted\"", file, Keyring.keyId(key));
            } catch (FileAlreadyExistsException e) {
                // another process created it at the same moment: read theirs
            } catch (IOException e) {
                throw new SecretKeyException("cannot create encryption key file " + file + ": " + describe(e),
                        "make the directory " + file.toAbsolutePath().getParent() + " writable, or set bridge.secrets.key-file");
            }
        }
        return load(file);
    }

    /** Reads an existing key file. */
    static Keyring load(Path file) {
        List<byte[]> keys = readKeys(file);
        return new Keyring(keys.get(0), keys.subList(1, keys.size()));
    }

    /** The keys in an existing key file, current first (never empty). */
    static List<byte[]> readKeys(Path file) {
        if (Files.isDirectory(file)) {
            throw new SecretKeyException("encryption key file " + file + " is a directory, not a file",
                    "remove it or point bridge.secrets.key-file at the key file");
        }
        checkOwnerOnly(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new SecretKeyException("cannot read encryption key file " + file + ": " + describe(e),
                    "make the file readable by the bridge's user, or restore it from the backup");
        }
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            keys.add(decodeKey(line, "encryption key file " + file + " line " + (i + 1),
                    "restore the key file from the backup (a new key cannot decrypt the stored secrets)"));
        }
        if (keys.isEmpty()) {
            throw new SecretKeyException("encryption key file " + file + " is empty",
                    "restore it from the backup; if no secret was ever stored, delete it and a new key is generated");
        }
        return keys;
    }

    /** Writes keys (first = current) to {@code file} with owner-only permissions, replacing it atomically. */
    static void write(Path file, List<byte[]> keys, boolean replace) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        StringBuilder text = new StringBuilder();
        for (byte[] k : keys) {
            text.append(Base64.getEncoder().encodeToString(k)).append('\n');
        }
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        boolean posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
        if (posix) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(tmp);
            log.warn("event=key_file_permissions_unsupported file={} note=\"restrict access to this file by hand\"", file);
        }
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        if (replace) {
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } else {
            try {
                Files.createLink(file, tmp); // fails if the file appeared meanwhile: never overwrite a key
            } catch (UnsupportedOperationException e) {
                Files.move(tmp, file);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    static byte[] newKey(SecureRandom random) {
        byte[] key = new byte[Keyring.KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    /** Decodes one base64 key; {@code where} names the file and line or the setting in the error. */
    static byte[] decodeKey(String base64, String where, String action) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new SecretKeyException(where + " is not valid base64 (corrupted?)", action);
        }
        if (key.length != Keyring.KEY_BYTES) {
            throw new SecretKeyException(where + " holds a " + key.length + "-byte key; AES-256 needs "
                    + Keyring.KEY_BYTES + " bytes (base64 of 32 random bytes)", action);
        }
        return key;
    }

    private static void checkOwnerOnly(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> perms;
        try {
            perms = view.readAttributes().permissions();
        } catch (IOException e) {
            throw new SecretKeyException("cannot read encryption key file " + file + ": " + describe(e),
                    "make the file readable by the bridge's user, or restore it from the backup");
        }
        Set<PosixFilePermission> extra = EnumSet.copyOf(perms);
        extra.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        if (!extra.isEmpty()) {
            throw new SecretKeyException("encryption key file " + file + " is accessible by group or others ("
                    + PosixFilePermissions.toString(perms) + ")", "run: chmod 600 " + file);
        }
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }
}
