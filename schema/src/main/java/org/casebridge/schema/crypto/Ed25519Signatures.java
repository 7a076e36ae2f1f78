package org.casebridge.schema.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 signing and verification (RFC 8032, pure Ed25519: no pre-hash, no context).
 *
 * <p>Keys stay JCA {@link PublicKey}/{@link PrivateKey} objects in the API, but the arithmetic is Bouncy Castle's
 * low-level {@code rfc8032.Ed25519} class, used directly without registering a provider. The JDK 17 implementation
 * measured several times slower, too slow for a node's verification budget (it computes with generic field code and
 * no precomputed tables; see docs/performance.md). Bouncy Castle produces the same signatures, byte for byte, since
 * Ed25519 is deterministic. A private key whose seed cannot be exported (for example one held in a hardware module)
 * is still signed with the JDK's {@code Signature}.
 *
 * <p>Thread-safe.
 */
public final class Ed25519Signatures {

    /** Length in bytes of an Ed25519 signature. */
    public static final int SIGNATURE_LENGTH = 64;

    // Decompressing a public key costs a field inversion; a node verifies with a few hundred partner keys at most.
    private static final int MAX_CACHED_KEYS = 4096;
    private static final Map<ByteBuffer, Ed25519.PublicPoint> PUBLIC_POINTS = new ConcurrentHashMap<>();

    private Ed25519Signatures() {
    }

    /**
     * Verifies a signature over {@code data[offset, offset + length)}.
     *
     * @return false for a wrong signature, a signature that is not 64 bytes, or a key that is not a valid point
     */
    public static boolean verify(PublicKey key, byte[] signature, byte[] data, int offset, int length) {
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        Ed25519.PublicPoint point = publicPoint(Ed25519Keys.rawPublicKey(key));
        return point != null && Ed25519.verify(signature, 0, point, data, offset, length);
    }

    /** Verifies a signature over all of {@code data}. */
    public static boolean verify(PublicKey key, byte[] signature, byte[] data) {
        return verify(key, signature, data, 0, data.length);
    }

    /** Signs {@code data[offset, offset + length)} and returns the 64-byte signature. */
    public static byte[] sign(SigningKey key, byte[] data, int offset, int length) {
        byte[] signature = new byte[SIGNATURE_LENGTH];
        if (key.seed() != null) {
            Ed25519.sign(key.seed(), 0, key.rawPublicKey(), 0, data, offset, length, signature, 0);
            return signature;
        }
        return signWithJdk(key.privateKey(), data, offset, length);
    }

    /** Signs all of {@code data}. */
    public static byte[] sign(SigningKey key, byte[] data) {
        return sign(key, data, 0, data.length);
    }

    /** The raw public key that belongs to a 32-byte private key seed. */
    static byte[] publicKeyOfSeed(byte[] seed) {
        byte[] raw = new byte[Ed25519Keys.RAW_KEY_LENGTH];
        Ed25519.generatePublicKey(seed, 0, raw, 0);
        return raw;
    }

    private static Ed25519.PublicPoint publicPoint(byte[] rawPublicKey) {
        ByteBuffer cacheKey = ByteBuffer.wrap(rawPublicKey);
        Ed25519.PublicPoint point = PUBLIC_POINTS.get(cacheKey);
        if (point == null) {
            point = Ed25519.validatePublicKeyPartialExport(rawPublicKey, 0);
            if (point == null) {
                return null;
            }
            if (PUBLIC_POINTS.size() >= MAX_CACHED_KEYS) {
                PUBLIC_POINTS.clear();
            }
            PUBLIC_POINTS.put(cacheKey, point);
        }
        return point;
    }

    private static byte[] signWithJdk(PrivateKey key, byte[] data, int offset, int length) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(data, offset, length);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }
}
