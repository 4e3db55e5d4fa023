package org.concurbridge.bridge.secrets;

import org.concurbridge.bridge.testsupport.TestSecrets;
import org.concurbridge.client.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyFileTest {
    @TempDir
    Path dir;

    @Test
    void missingKeyFileIsGeneratedWithOwnerOnlyPermissionsAndReusedAfterwards() throws IOException {
        Path file = dir.resolve("data/secret.key");

        Keyring first = KeyFile.loadOrCreate(file, new SecureRandom());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readAllLines(file).get(0))).hasSize(32);
        assertThat(dir.resolve("data")).isDirectoryNotContaining("glob:**.tmp");
        Keyring again = KeyFile.loadOrCreate(file, new SecureRandom());
        assertThat(again.current().id()).isEqualTo(first.current().id());
        assertThat(new SecretBox(again).decrypt(new SecretBox(first).encrypt(Secret.of("x"), "c"), "c"))
                .isEqualTo(Secret.of("x"));
    }

    @Test
    void furtherLinesArePreviousKeys() throws IOException {
        byte[] current = TestSecrets.randomKey();
        byte[] previous = TestSecrets.randomKey();
        Path file = write("# rotated 2026-01-01\n" + b64(current) + "\n\n" + b64(previous) + "\n");

        Keyring keys = KeyFile.load(file);

        assertThat(keys.current().id()).isEqualTo(Keyring.keyId(current));
        assertThat(keys.ids()).containsExactly(Keyring.keyId(current), Keyring.keyId(previous));
    }

    @Test
    void corruptedKeyFileNamesTheFileAndLine() throws IOException {
        Path file = write(b64(TestSecrets.randomKey()) + "\nthis is not base64!\n");

        assertThatThrownBy(() -> KeyFile.load(file))
                .isInstanceOf(SecretKeyException.class)
                .hasMessage("encryption key file " + file + " line 2 is not valid base64 (corrupted?)");
    }

    @Test
    void shortKeySaysHowLongItIsAndWhatIsNeeded() throws IOException {
        Path file = write(b64(new byte[16]) + "\n");

        assertThatThrownBy(() -> KeyFile.load(file))
                .isInstanceOf(SecretKeyException.class)
                .hasMessageContaining(file + " line 1 holds a 16-byte key; AES-256 needs 32 bytes");
    }

    @Test
    void truncatedKeyFileIsReported() throws IOException {
        Path file = write(b64(TestSecrets.randomKey()).substring(0, 20));

        assertThatThrownBy(() -> KeyFile.load(file))
                .isInstanceOf(SecretKeyException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("line 1");
    }

    @Test
    void emptyKeyFileIsReported() throws IOException {
        Path file = write("\n\n");

        assertThatThrownBy(() -> KeyFile.load(file))
                .isInstanceOf(SecretKeyException.class)
                .hasMessage("encryption key file " + file + " is empty")
                .satisfies(e -> assertThat(((SecretKeyException) e).action()).contains("backup"));
    }

    @Test
    void keyFileReadableByOthersIsRefused() throws IOException {
        Path file = write(b64(TestSecrets.randomKey()));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> KeyFile.loadOrCreate(file, new SecureRandom()))
                .isInstanceOf(SecretKeyException.class)
                .hasMessage("encryption key file " + file + " is accessible by group or others (rw-r--r--)")
                .satisfies(e -> assertThat(((SecretKeyException) e).action()).isEqualTo("run: chmod 600 " + file));
    }

    @Test
    void unreadableKeyFileIsReported() throws IOException {
        Path file = dir.resolve("secret.key");
        Files.createSymbolicLink(file, dir.resolve("gone.key")); // dangling: exists as a name, cannot be read

        assertThatThrownBy(() -> KeyFile.loadOrCreate(file, new SecureRandom()))
                .isInstanceOf(SecretKeyException.class)
                .hasMessageStartingWith("cannot read encryption key file " + file + ": NoSuchFileException");
    }

    @Test
    void directoryInsteadOfAKeyFileIsReported() throws IOException {
        Path file = Files.createDirectory(dir.resolve("secret.key"));

        assertThatThrownBy(() -> KeyFile.loadOrCreate(file, new SecureRandom()))
                .isInstanceOf(SecretKeyException.class)
                .hasMessage("encryption key file " + file + " is a directory, not a file");
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("secret.key");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static String b64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }
}
