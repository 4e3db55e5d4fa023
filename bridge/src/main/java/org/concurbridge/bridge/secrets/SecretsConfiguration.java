package org.concurbridge.bridge.secrets;

import org.concurbridge.bridge.config.BridgeProperties;
import org.concurbridge.client.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link SecretBox} from {@code bridge.secrets.*}: a configured key (with its previous keys) wins over the
 * key file (whose further lines are the previous keys).
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

    @Bean
    SecretBox secretBox(BridgeProperties properties) {
        SecretBox box = new SecretBox(keyring(properties.secrets()));
        log.info("event=secrets_ready source={} currentKeyId={}",
                properties.secrets().key() != null ? "bridge.secrets.key" : properties.secrets().keyFile(),
                box.currentKeyId());
        return box;
    }

    @Bean
    KeyRotation keyRotation(SecretBox box, BridgeProperties properties, ObjectProvider<EncryptedData> data) {
        return new KeyRotation(box, properties.secrets(), data, new SecureRandom());
    }

    static Keyring keyring(BridgeProperties.Secrets settings) {
        if (settings.key() == null) {
            return KeyFile.loadOrCreate(settings.keyFile(), new SecureRandom());
        }
        String action = "set it to the base64 of 32 random bytes, e.g. the output of: openssl rand -base64 32";
        byte[] current = KeyFile.decodeKey(settings.key().reveal(), "setting bridge.secrets.key", action);
        List<byte[]> previous = new ArrayList<>();
        List<Secret> configured = settings.previousKeys();
        for (int i = 0; i < configured.size(); i++) {
            previous.add(KeyFile.decodeKey(configured.get(i).reveal(),
                    "setting bridge.secrets.previous-keys[" + i + "]", action));
        }
        return new Keyring(current, previous);
    }
}
