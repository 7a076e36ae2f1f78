package org.casebridge.security.token;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeSigningKeyFactoryTest {

    private static final KeyPair KEY_PAIR = RsaKeys.generate();

    @Test
    void refusesToRunWithoutAKeyOutsideDemoAndTest() {
        assertThatThrownBy(() -> NodeSigningKeyFactory.load(new JwtKeyConfiguration(), Set.of("prod")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("No JWT signing key configured")
                .hasMessageContaining("casebridge.security.jwt.private-key");
    }

    @Test
    void generatesAnEphemeralKeyInDemoAndTest() {
        NodeSigningKey demo = NodeSigningKeyFactory.load(new JwtKeyConfiguration(), Set.of("demo"));
        NodeSigningKey test = NodeSigningKeyFactory.load(new JwtKeyConfiguration(), Set.of("test"));

        assertThat(demo.isEphemeral()).isTrue();
        assertThat(demo.getPublicKey().getModulus().bitLength()).isGreaterThanOrEqualTo(2048);
        assertThat(demo.keyId()).isNotEqualTo(test.keyId());
    }

    @Test
    void readsAConfiguredPem() {
        JwtKeyConfiguration configuration = new JwtKeyConfiguration();
        configuration.setPrivateKey(RsaKeys.toPkcs8Pem((RSAPrivateKey) KEY_PAIR.getPrivate()));

        NodeSigningKey key = NodeSigningKeyFactory.load(configuration, Set.of("prod"));

        assertThat(key.isEphemeral()).isFalse();
        assertThat(key.getPublicKey()).isEqualTo(KEY_PAIR.getPublic());
        assertThat(key.retrieveJsonWebKeys()).singleElement()
                .satisfies(jwk -> {
                    assertThat(jwk.isPrivate()).isFalse();
                    assertThat(jwk.getKeyID()).isEqualTo(key.keyId());
                    assertThat(jwk.getAlgorithm().getName()).isEqualTo("RS256");
                });
    }

    @Test
    void readsAPemWhoseNewlinesWereFlattened() {
        String pem = RsaKeys.toPkcs8Pem((RSAPrivateKey) KEY_PAIR.getPrivate());
        JwtKeyConfiguration escaped = new JwtKeyConfiguration();
        escaped.setPrivateKey(pem.replace("\n", "\\n"));
        JwtKeyConfiguration spaced = new JwtKeyConfiguration();
        spaced.setPrivateKey(pem.replace("\n", " "));

        assertThat(NodeSigningKeyFactory.load(escaped, Set.of()).getPublicKey()).isEqualTo(KEY_PAIR.getPublic());
        assertThat(NodeSigningKeyFactory.load(spaced, Set.of()).getPublicKey()).isEqualTo(KEY_PAIR.getPublic());
    }

    @Test
    void readsAKeyFile(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("jwt.pem");
        Files.writeString(file, RsaKeys.toPkcs8Pem((RSAPrivateKey) KEY_PAIR.getPrivate()));
        JwtKeyConfiguration configuration = new JwtKeyConfiguration();
        configuration.setPrivateKeyFile(file.toString());

        assertThat(NodeSigningKeyFactory.load(configuration, Set.of("prod")).getPublicKey())
                .isEqualTo(KEY_PAIR.getPublic());
    }

    @Test
    void namesAMissingKeyFile(@TempDir Path directory) {
        JwtKeyConfiguration configuration = new JwtKeyConfiguration();
        configuration.setPrivateKeyFile(directory.resolve("absent.pem").toString());

        assertThatThrownBy(() -> NodeSigningKeyFactory.load(configuration, Set.of("demo")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("absent.pem");
    }

    @Test
    void refusesWeakPkcs1EncryptedOrGarbledKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        String weak = RsaKeys.toPkcs8Pem((RSAPrivateKey) generator.generateKeyPair().getPrivate());

        assertThatThrownBy(() -> load(weak)).hasMessageContaining("1024 bits; at least 2048");
        assertThatThrownBy(() -> load("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----"))
                .hasMessageContaining("PKCS#1");
        assertThatThrownBy(() -> load("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----"))
                .hasMessageContaining("encrypted");
        assertThatThrownBy(() -> load("-----BEGIN PRIVATE KEY-----\n"
                + Base64.getEncoder().encodeToString(new byte[64]) + "\n-----END PRIVATE KEY-----"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("not an RSA PKCS#8 private key");
    }

    @Test
    void refusesTwoKeySources() {
        JwtKeyConfiguration configuration = new JwtKeyConfiguration();
        configuration.setPrivateKey(RsaKeys.toPkcs8Pem((RSAPrivateKey) KEY_PAIR.getPrivate()));
        configuration.setPrivateKeyFile("/somewhere/key.pem");

        assertThatThrownBy(() -> NodeSigningKeyFactory.load(configuration, Set.of("prod")))
                .hasMessageContaining("set only one");
    }

    @Test
    void neverPrintsTheKey() {
        JwtKeyConfiguration configuration = new JwtKeyConfiguration();
        String pem = RsaKeys.toPkcs8Pem((RSAPrivateKey) KEY_PAIR.getPrivate());
        configuration.setPrivateKey(pem);

        assertThat(configuration.toString()).doesNotContain(pem.substring(30, 60));
    }

    private static NodeSigningKey load(String pem) {
        JwtKeyConfiguration configuration = new JwtKeyConfiguration();
        configuration.setPrivateKey(pem);
        return NodeSigningKeyFactory.load(configuration, Set.of("prod"));
    }
}
