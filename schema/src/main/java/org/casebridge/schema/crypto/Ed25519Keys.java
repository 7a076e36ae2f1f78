package org.casebridge.schema.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Conversions between raw Ed25519 keys, as published in the partner directory, and JCA key objects.
 *
 * <p>The directory carries a public key as the 32 raw bytes of RFC 8032 (base64), because every language's
 * Ed25519 library reads that form. A private key is its 32-byte seed. The JDK wants DER structures, so this class
 * adds or strips the fixed ASN.1 prefixes of RFC 8410.
 */
public final class Ed25519Keys {

    /** Length in bytes of a raw Ed25519 public key and of a private key seed. */
    public static final int RAW_KEY_LENGTH = 32;

    private static final int KEY_ID_BYTES = 16;

    // SubjectPublicKeyInfo { AlgorithmIdentifier { 1.3.101.112 }, BIT STRING (32 bytes) }
    private static final byte[] X509_PREFIX = hex("302a300506032b6570032100");
    // PrivateKeyInfo { version 0, AlgorithmIdentifier { 1.3.101.112 }, OCTET STRING { OCTET STRING (32 bytes) } }
    private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b657004220420");

    private Ed25519Keys() {
    }

    /** Generates a new key pair with the platform's secure random source. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JVM", e);
        }
    }

    /**
     * Reads a raw 32-byte public key.
     *
     * @throws IllegalArgumentException if the bytes are not a 32-byte key
     */
    public static PublicKey publicKeyFromRaw(byte[] raw) {
        requireLength(raw, "public key");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a base64 (standard alphabet) raw public key, as the partner directory holds it.
     *
     * @throws IllegalArgumentException if the text is not base64 or not a 32-byte key
     */
    public static PublicKey publicKeyFromBase64(String base64) {
        return publicKeyFromRaw(decodeBase64(base64, "public key"));
    }

    /** Reads a 32-byte private key seed. */
    public static PrivateKey privateKeyFromSeed(byte[] seed) {
        requireLength(seed, "private key seed");
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid Ed25519 private key: " + e.getMessage(), e);
        }
    }

    /** Reads a base64 (standard alphabet) private key seed. */
    public static PrivateKey privateKeyFromBase64(String base64) {
        return privateKeyFromSeed(decodeBase64(base64, "private key seed"));
    }

    /** The raw 32 bytes of a public key, the form published in the directory. */
    public static byte[] rawPublicKey(PublicKey key) {
        byte[] der = key.getEncoded();
        if (der == null || der.length != X509_PREFIX.length + RAW_KEY_LENGTH
                || !Arrays.equals(der, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(der, X509_PREFIX.length, der.length);
    }

    /** The 32-byte seed of a private key. */
    public static byte[] seed(PrivateKey key) {
        byte[] der = key.getEncoded();
        if (der == null || der.length != PKCS8_PREFIX.length + RAW_KEY_LENGTH
                || !Arrays.equals(der, 0, PKCS8_PREFIX.length, PKCS8_PREFIX, 0, PKCS8_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 private key in its plain PKCS#8 form");
        }
        return Arrays.copyOfRange(der, PKCS8_PREFIX.length, der.length);
    }

    /**
     * The key id of a public key, as the envelope's {@code signerKeyId} carries it: lowercase hex of the first 16
     * bytes of SHA-256 over the raw 32-byte public key.
     */
    public static String keyId(PublicKey key) {
        return keyIdOfRaw(rawPublicKey(key));
    }

    /** The key id of a raw 32-byte public key; see {@link #keyId(PublicKey)}. */
    public static String keyIdOfRaw(byte[] rawPublicKey) {
        requireLength(rawPublicKey, "public key");
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(rawPublicKey);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
        StringBuilder hex = new StringBuilder(KEY_ID_BYTES * 2);
        for (int i = 0; i < KEY_ID_BYTES; i++) {
            hex.append(Character.forDigit((digest[i] >> 4) & 0xf, 16)).append(Character.forDigit(digest[i] & 0xf, 16));
        }
        return hex.toString();
    }

    private static byte[] decodeBase64(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        try {
            return Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64: " + e.getMessage(), e);
        }
    }

    private static void requireLength(byte[] bytes, String what) {
        if (bytes == null || bytes.length != RAW_KEY_LENGTH) {
            throw new IllegalArgumentException(what + " must be " + RAW_KEY_LENGTH + " bytes, got "
                    + (bytes == null ? "none" : bytes.length));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] hex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
