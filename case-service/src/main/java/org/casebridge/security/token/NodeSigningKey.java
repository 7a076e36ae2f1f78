package org.casebridge.security.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.micronaut.security.token.jwt.endpoints.JwkProvider;
import io.micronaut.security.token.jwt.signature.rsa.RSASignatureGeneratorConfiguration;

import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Objects;

/**
 * The RSA key this node signs access tokens with (RS256), and its public half as published at {@code /keys}.
 *
 * <p>Micronaut Security derives both the token signer and the token verifier from this bean; publishing it as a
 * {@link JwkProvider} also gives the signer the key id ({@code kid}, the RFC 7638 thumbprint) to put in token headers,
 * so a service validating through the JWKS picks the right key after a rotation.
 */
public final class NodeSigningKey implements RSASignatureGeneratorConfiguration, JwkProvider {

    private final RSAPrivateCrtKey privateKey;
    private final RSAPublicKey publicKey;
    private final RSAKey publicJwk;
    private final boolean ephemeral;

    public NodeSigningKey(RSAPrivateCrtKey privateKey, boolean ephemeral) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.publicKey = RsaKeys.publicKeyOf(privateKey);
        this.ephemeral = ephemeral;
        try {
            RSAKey withoutId = new RSAKey.Builder(publicKey).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
            this.publicJwk = new RSAKey.Builder(withoutId).keyID(withoutId.computeThumbprint().toString()).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the key thumbprint", e);
        }
    }

    @Override
    public RSAPrivateCrtKey getPrivateKey() {
        return privateKey;
    }

    @Override
    public RSAPublicKey getPublicKey() {
        return publicKey;
    }

    @Override
    public JWSAlgorithm getJwsAlgorithm() {
        return JWSAlgorithm.RS256;
    }

    /** Only the public key: the private half never leaves the node. */
    @Override
    public List<JWK> retrieveJsonWebKeys() {
        return List.of(publicJwk);
    }

    /** The key id in token headers and in the JWKS. */
    public String keyId() {
        return publicJwk.getKeyID();
    }

    /** True if generated at start (demo and test only): tokens it signed die with the process. */
    public boolean isEphemeral() {
        return ephemeral;
    }

    @Override
    public String toString() {
        return "NodeSigningKey[kid=" + keyId() + ", ephemeral=" + ephemeral + "]";
    }
}
