package org.casebridge.schema.crypto;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Objects;

/**
 * A node's Ed25519 signing key, ready for signing many messages: the private key, its public key and the key id the
 * envelope names ({@link Ed25519Keys#keyId(PublicKey)}). Build it once at start-up; it is immutable and thread-safe.
 */
public final class SigningKey {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final byte[] seed;
    private final byte[] rawPublicKey;
    private final String keyId;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey, byte[] seed, byte[] rawPublicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.seed = seed;
        this.rawPublicKey = rawPublicKey;
        this.keyId = Ed25519Keys.keyIdOfRaw(rawPublicKey);
    }

    /**
     * A signing key from an exportable Ed25519 private key; the public key is derived from it.
     *
     * @throws IllegalArgumentException if the key is not an Ed25519 key in its plain PKCS#8 form
     */
    public static SigningKey of(PrivateKey privateKey) {
        byte[] seed = Ed25519Keys.seed(Objects.requireNonNull(privateKey, "privateKey"));
        byte[] raw = Ed25519Signatures.publicKeyOfSeed(seed);
        return new SigningKey(privateKey, Ed25519Keys.publicKeyFromRaw(raw), seed, raw);
    }

    /**
     * A signing key from a key pair. The private key may be one whose seed cannot be exported; then signing uses the
     * JDK's provider.
     *
     * @throws IllegalArgumentException if the public key does not belong to the private key
     */
    public static SigningKey of(KeyPair keyPair) {
        PrivateKey privateKey = Objects.requireNonNull(keyPair.getPrivate(), "private key");
        byte[] raw = Ed25519Keys.rawPublicKey(Objects.requireNonNull(keyPair.getPublic(), "public key"));
        byte[] encoded = privateKey.getEncoded();
        if (encoded == null) {
            return new SigningKey(privateKey, keyPair.getPublic(), null, raw);
        }
        SigningKey derived = of(privateKey);
        if (!Arrays.equals(derived.rawPublicKey, raw)) {
            throw new IllegalArgumentException("the public key does not belong to the private key");
        }
        return derived;
    }

    /** A signing key from a 32-byte private key seed. */
    public static SigningKey ofSeed(byte[] seed) {
        return of(Ed25519Keys.privateKeyFromSeed(seed));
    }

    /** The private key. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The public key partners verify with. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** The key id that the envelope's {@code signerKeyId} carries. */
    public String keyId() {
        return keyId;
    }

    byte[] seed() {
        return seed;
    }

    byte[] rawPublicKey() {
        return rawPublicKey;
    }

    @Override
    public String toString() {
        return "SigningKey[keyId=" + keyId + "]";
    }
}
