package org.concurbridge.bridge.secrets;

import org.concurbridge.bridge.testsupport.LogCapture;
import org.concurbridge.bridge.testsupport.TestSecrets;
import org.concurbridge.client.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {
    static final String VALUE = "refresh-0f3c9a7e-secret-value";
    static final String CONTEXT = "connections.refresh_token:company-1";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    final byte[] key = TestSecrets.randomKey();
    final SecretBox box = new SecretBox(new Keyring(key, List.of()));

    @Test
    void roundTripsAndPrefixesVersionAndKeyId() {
        String stored = box.encrypt(Secret.of(VALUE), CONTEXT);

        assertThat(stored).startsWith("v1:" + Keyring.keyId(key) + ":").doesNotContain(VALUE);
        assertThat(box.decrypt(stored, CONTEXT)).isEqualTo(Secret.of(VALUE));
        assertThat(box.isCurrent(stored)).isTrue();
    }

    @Test
    void everyEncryptionUsesAFresh96BitNonce() {
        String first = box.encrypt(Secret.of(VALUE), CONTEXT);
        String second = box.encrypt(Secret.of(VALUE), CONTEXT);

        assertThat(first).isNotEqualTo(second);
        byte[] a = Base64.getUrlDecoder().decode(first.split(":")[2]);
        byte[] b = Base64.getUrlDecoder().decode(second.split(":")[2]);
        assertThat(a).hasSize(12 + VALUE.length() + 16);
        assertThat(java.util.Arrays.copyOf(a, 12)).isNotEqualTo(java.util.Arrays.copyOf(b, 12));
    }

    @Test
    void valueMovedToAnotherContextDoesNotDecrypt() {
        String stored = box.encrypt(Secret.of(VALUE), CONTEXT);

        assertThatThrownBy(() -> box.decrypt(stored, "connections.refresh_token:company-2"))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("does not authenticate").hasMessageNotContaining(VALUE);
    }

    @Test
    void alteredValueIsDetected() {
        String stored = box.encrypt(Secret.of(VALUE), CONTEXT);
        char[] chars = stored.toCharArray();
        int last = chars.length - 5;
        chars[last] = chars[last] == 'A' ? 'B' : 'A';

        assertThatThrownBy(() -> box.decrypt(new String(chars), CONTEXT))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("the key is wrong or the stored value was altered");
    }

    @Test
    void wrongKeyWithTheSameKeyIdIsReportedAsWrongKey() {
        String stored = box.encrypt(Secret.of(VALUE), CONTEXT);
        SecretBox other = new SecretBox(new Keyring(TestSecrets.randomKey(), List.of()));
        String forged = stored.replace("v1:" + box.currentKeyId() + ":", "v1:" + other.currentKeyId() + ":");

        assertThatThrownBy(() -> other.decrypt(forged, CONTEXT))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("does not authenticate with key id " + other.currentKeyId())
                .hasMessageNotContaining(VALUE);
        logs.assertNoSecret(VALUE);
    }

    @Test
    void valueUnderAnUnconfiguredKeyNamesBothKeyIds() {
        String stored = box.encrypt(Secret.of(VALUE), CONTEXT);
        SecretBox other = new SecretBox(new Keyring(TestSecrets.randomKey(), List.of()));

        assertThatThrownBy(() -> other.decrypt(stored, CONTEXT))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("encrypted with key id " + box.currentKeyId())
                .hasMessageContaining("configured key ids: [" + other.currentKeyId() + "]")
                .hasMessageNotContaining(VALUE);
    }

    @Test
    void previousKeyStillDecryptsButIsNotCurrent() {
        String stored = box.encrypt(Secret.of(VALUE), CONTEXT);
        SecretBox rotated = new SecretBox(new Keyring(TestSecrets.randomKey(), List.of(key)));

        assertThat(rotated.decrypt(stored, CONTEXT)).isEqualTo(Secret.of(VALUE));
        assertThat(rotated.isCurrent(stored)).isFalse();
        assertThat(rotated.isCurrent(rotated.encrypt(Secret.of(VALUE), CONTEXT))).isTrue();
    }

    @Test
    void malformedStoredValuesGetAClearError() {
        assertThatThrownBy(() -> box.decrypt("plain-text-token", CONTEXT))
                .hasMessageContaining("not in the expected format").hasMessageNotContaining("plain-text-token");
        assertThatThrownBy(() -> box.decrypt("v1:" + box.currentKeyId() + ":***", CONTEXT))
                .hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> box.decrypt("v1:" + box.currentKeyId() + ":AAAA", CONTEXT))
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> box.decrypt(null, CONTEXT)).isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void keyOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> new Keyring(new byte[16], List.of()))
                .hasMessageContaining("32 bytes, got 16");
    }
}
