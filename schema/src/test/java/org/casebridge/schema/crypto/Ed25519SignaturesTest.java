package org.casebridge.schema.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;

import org.casebridge.schema.SampleMessages;
import org.junit.jupiter.api.Test;

class Ed25519SignaturesTest {

    // RFC 8032, section 7.1, TEST 1 (empty message).
    private static final byte[] RFC_SEED = SampleMessages.hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static final String RFC_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private static final String RFC_SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555"
            + "fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    @Test
    void signsTheRfc8032TestVector() {
        SigningKey key = SigningKey.ofSeed(RFC_SEED);

        assertThat(SampleMessages.toHex(Ed25519Keys.rawPublicKey(key.publicKey()))).isEqualTo(RFC_PUBLIC);
        assertThat(SampleMessages.toHex(Ed25519Signatures.sign(key, new byte[0]))).isEqualTo(RFC_SIGNATURE);
        assertThat(Ed25519Signatures.verify(key.publicKey(), SampleMessages.hex(RFC_SIGNATURE), new byte[0])).isTrue();
    }

    @Test
    void agreesWithTheJdkImplementationBothWays() throws Exception {
        KeyPair pair = Ed25519Keys.generate();
        SigningKey key = SigningKey.of(pair);
        byte[] message = "sign me".getBytes(StandardCharsets.UTF_8);

        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(pair.getPrivate());
        jdk.update(message);
        byte[] jdkSignature = jdk.sign();
        byte[] ourSignature = Ed25519Signatures.sign(key, message);

        assertThat(ourSignature).isEqualTo(jdkSignature);
        jdk.initVerify(pair.getPublic());
        jdk.update(message);
        assertThat(jdk.verify(ourSignature)).isTrue();
        assertThat(Ed25519Signatures.verify(pair.getPublic(), jdkSignature, message)).isTrue();
    }

    @Test
    void rejectsAChangedMessageAndSignaturesOfTheWrongLength() {
        SigningKey key = SampleMessages.senderKey();
        byte[] signature = Ed25519Signatures.sign(key, new byte[] {1, 2, 3});

        assertThat(Ed25519Signatures.verify(key.publicKey(), signature, new byte[] {1, 2, 4})).isFalse();
        assertThat(Ed25519Signatures.verify(key.publicKey(), java.util.Arrays.copyOf(signature, 63), new byte[] {1, 2, 3})).isFalse();
        assertThat(Ed25519Signatures.verify(SampleMessages.otherKey().publicKey(), signature, new byte[] {1, 2, 3})).isFalse();
    }

    @Test
    void theKeyIdIsTheFirst16BytesOfTheSha256OfTheRawKeyInHex() throws Exception {
        byte[] raw = SampleMessages.hex(RFC_PUBLIC);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(raw);

        assertThat(Ed25519Keys.keyIdOfRaw(raw)).isEqualTo(SampleMessages.toHex(java.util.Arrays.copyOf(digest, 16)))
                .hasSize(32);
        assertThat(SigningKey.ofSeed(RFC_SEED).keyId()).isEqualTo(Ed25519Keys.keyIdOfRaw(raw));
    }

    @Test
    void aKeyPairWhosePartsDoNotBelongTogetherIsRefused() {
        KeyPair mixed = new KeyPair(SampleMessages.otherKey().publicKey(), SampleMessages.senderKey().privateKey());

        assertThatThrownBy(() -> SigningKey.of(mixed)).isInstanceOf(IllegalArgumentException.class);
    }
}
