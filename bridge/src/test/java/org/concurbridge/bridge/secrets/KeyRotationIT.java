package org.concurbridge.bridge.secrets;

import org.concurbridge.bridge.config.BridgeProperties;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.bridge.testsupport.LogCapture;
import org.concurbridge.bridge.testsupport.TestConnections;
import org.concurbridge.bridge.testsupport.TestDatabases;
import org.concurbridge.bridge.testsupport.TestSecrets;
import org.concurbridge.client.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Key rotation against a real store (H2): every stored secret moves to the new key and stays readable. */
class KeyRotationIT {
    @TempDir
    Path dir;

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final DataSource ds = TestDatabases.h2("rotation");

    private ConnectionRepository repository(SecretBox box) {
        return new ConnectionRepository(JdbcClient.create(ds), new DataSourceTransactionManager(ds), box,
                Clock.systemUTC());
    }

    private static KeyRotation rotation(SecretBox box, BridgeProperties.Secrets settings, ConnectionRepository store) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("connections", store);
        return new KeyRotation(box, settings, beans.getBeanProvider(EncryptedData.class), new SecureRandom());
    }

    @Test
    void keyFileRotationReencryptsEverySecretAndLeavesOnlyTheNewKeyInTheFile() throws IOException {
        Path keyFile = dir.resolve("secret.key");
        BridgeProperties.Secrets settings = new BridgeProperties.Secrets(null, keyFile, List.of());
        SecretBox box = new SecretBox(SecretsConfiguration.keyring(settings));
        String oldKeyId = box.currentKeyId();
        ConnectionRepository repository = repository(box);
        String a = TestConnections.connectNew(repository, Clock.systemUTC().instant());
        String b = TestConnections.connectNew(repository, Clock.systemUTC().instant());
        Secret tokenA = repository.tokenStore(a).load().refreshToken();
        Secret tokenB = repository.tokenStore(b).load().refreshToken();

        KeyRotation.Result result = rotation(box, settings, repository).rotate();

        String newKeyId = result.currentKeyId();
        assertThat(result).isEqualTo(new KeyRotation.Result(newKeyId, 2, true));
        assertThat(newKeyId).isNotEqualTo(oldKeyId).isEqualTo(box.currentKeyId());
        assertThat(Files.readAllLines(keyFile)).hasSize(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        List<String> stored = JdbcClient.create(ds).sql("select refresh_token_enc from connections").query(String.class)
                .list();
        assertThat(stored).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("v1:" + newKeyId + ":"));
        // a fresh start reads the new key file and decrypts everything
        ConnectionRepository restarted = repository(new SecretBox(SecretsConfiguration.keyring(settings)));
        assertThat(restarted.tokenStore(a).load().refreshToken()).isEqualTo(tokenA);
        assertThat(restarted.tokenStore(b).load().refreshToken()).isEqualTo(tokenB);
        logs.assertNoSecret(tokenA.reveal(), tokenB.reveal());
    }

    @Test
    void configuredKeyIsRotatedByConfigurationAndReencryption() {
        byte[] oldKey = TestSecrets.randomKey();
        byte[] newKey = TestSecrets.randomKey();
        BridgeProperties.Secrets before = new BridgeProperties.Secrets(Secret.of(b64(oldKey)), dir.resolve("unused"),
                List.of());
        ConnectionRepository oldRepository = repository(new SecretBox(SecretsConfiguration.keyring(before)));
        String company = TestConnections.connectNew(oldRepository, Clock.systemUTC().instant());
        Secret token = oldRepository.tokenStore(company).load().refreshToken();

        BridgeProperties.Secrets after = new BridgeProperties.Secrets(Secret.of(b64(newKey)), dir.resolve("unused"),
                List.of(Secret.of(b64(oldKey))));
        SecretBox box = new SecretBox(SecretsConfiguration.keyring(after));
        KeyRotation rotation = rotation(box, after, repository(box));
        assertThat(rotation.rotate()).isEqualTo(new KeyRotation.Result(box.currentKeyId(), 1, false));
        assertThat(rotation.rotate().reencrypted()).isZero();

        BridgeProperties.Secrets finished = new BridgeProperties.Secrets(Secret.of(b64(newKey)), dir.resolve("unused"),
                List.of());
        assertThat(repository(new SecretBox(SecretsConfiguration.keyring(finished))).tokenStore(company).load()
                .refreshToken()).isEqualTo(token);
        assertThat(Files.exists(dir.resolve("unused"))).isFalse();
    }

    @Test
    void configuredKeyThatIsNotBase64Of32BytesNamesTheSetting() {
        assertThatThrownBy(() -> SecretsConfiguration.keyring(new BridgeProperties.Secrets(Secret.of("short"),
                dir.resolve("k"), List.of())))
                .isInstanceOf(SecretKeyException.class)
                .hasMessageContaining("setting bridge.secrets.key");
        assertThatThrownBy(() -> SecretsConfiguration.keyring(new BridgeProperties.Secrets(
                Secret.of(b64(TestSecrets.randomKey())), dir.resolve("k"), List.of(Secret.of(b64(new byte[8]))))))
                .isInstanceOf(SecretKeyException.class)
                .hasMessageContaining("setting bridge.secrets.previous-keys[0] holds a 8-byte key");
    }

    private static String b64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }
}
