package org.casebridge.security.token;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** Reading, checking and generating the RSA keys that sign access tokens. */
public final class RsaKeys {

    /** Smallest modulus accepted: NIST SP 800-57 deems 2048 bits adequate beyond 2030 only just, less is refused. */
    public static final int MIN_BITS = 2048;

    private static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PKCS8_END = "-----END PRIVATE KEY-----";

    private RsaKeys() {
    }

    /**
     * Parses a PEM PKCS#8 RSA private key. Tolerates the newlines of a PEM file being lost or written as the two
     * characters {@code \n}, as happens when the key travels through an environment variable.
     *
     * @throws IllegalArgumentException with a message an operator can act on
     */
    public static RSAPrivateCrtKey parsePkcs8Pem(String pem) {
        String text = pem.replace("\\n", "\n").strip();
        if (text.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalArgumentException("the key is in PKCS#1 format (BEGIN RSA PRIVATE KEY); convert it with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem'");
        }
        if (text.contains("ENCRYPTED PRIVATE KEY")) {
            throw new IllegalArgumentException("the key is encrypted; give an unencrypted PKCS#8 key "
                    + "(protect the file or secret instead)");
        }
        if (!text.startsWith(PKCS8_BEGIN) || !text.endsWith(PKCS8_END)) {
            throw new IllegalArgumentException("the key must be PEM-encoded PKCS#8, between '" + PKCS8_BEGIN
                    + "' and '" + PKCS8_END + "'");
        }
        String base64 = text.substring(PKCS8_BEGIN.length(), text.length() - PKCS8_END.length())
                .replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM body is not base64: " + e.getMessage(), e);
        }
        try {
            var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            if (!(key instanceof RSAPrivateCrtKey crtKey)) {
                throw new IllegalArgumentException("the key lacks its CRT parameters, so its public key cannot be derived");
            }
            requireStrength(crtKey);
            return crtKey;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the key is not an RSA PKCS#8 private key: " + e.getMessage(), e);
        }
    }

    /** The public half of a private key. */
    public static RSAPublicKey publicKeyOf(RSAPrivateCrtKey privateKey) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the RSA public key", e);
        }
    }

    /** A fresh key pair of {@value #MIN_BITS} bits. */
    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(MIN_BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate RSA keys", e);
        }
    }

    /** PEM PKCS#8 text of a private key, as {@link #parsePkcs8Pem} reads it. */
    public static String toPkcs8Pem(RSAPrivateKey privateKey) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(privateKey.getEncoded());
        return PKCS8_BEGIN + "\n" + body + "\n" + PKCS8_END + "\n";
    }

    private static void requireStrength(RSAPrivateKey key) {
        BigInteger modulus = key.getModulus();
        if (modulus.bitLength() < MIN_BITS) {
            throw new IllegalArgumentException("the key has " + modulus.bitLength() + " bits; at least " + MIN_BITS
                    + " are required");
        }
    }
}
