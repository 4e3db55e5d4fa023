package org.concurbridge.bridge.secrets;

/**
 * A store that keeps values encrypted with {@link SecretBox}. Key rotation calls every such bean to re-encrypt its
 * values with the current key.
 */
public interface EncryptedData {

    /**
     * Re-encrypts, in one transaction, every stored value that is not encrypted with {@code box}'s current key.
     *
     * @return how many values were rewritten
     */
    int reencrypt(SecretBox box);
}
