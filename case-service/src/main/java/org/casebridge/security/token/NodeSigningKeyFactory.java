package org.casebridge.security.token;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Set;

/**
 * Provides the node's JWT signing key, eagerly, so a node without a usable key refuses to start instead of failing
 * at the first login.
 */
@Factory
public class NodeSigningKeyFactory {

    /** Environments in which a missing key is replaced by one generated at start. */
    static final Set<String> EPHEMERAL_KEY_ENVIRONMENTS = Set.of("demo", Environment.TEST);

    static final String MISSING_KEY_MESSAGE = "No JWT signing key configured. Set casebridge.security.jwt.private-key "
            + "(PEM PKCS#8 RSA key, 2048 bits or more; environment variable CASEBRIDGE_SECURITY_JWT_PRIVATE_KEY) or "
            + "casebridge.security.jwt.private-key-file (a path to such a PEM file). "
            + "Generate one with: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out jwt-signing-key.pem";

    private static final Logger LOG = LoggerFactory.getLogger(NodeSigningKeyFactory.class);

    /** Named "generator": the name Micronaut Security looks up for the token signer. */
    @Context
    @Named("generator")
    NodeSigningKey nodeSigningKey(JwtKeyConfiguration configuration, Environment environment) {
        return load(configuration, environment.getActiveNames());
    }

    static NodeSigningKey load(JwtKeyConfiguration configuration, Set<String> activeEnvironments) {
        String pem = configuration.getPrivateKey();
        String file = configuration.getPrivateKeyFile();
        boolean hasPem = pem != null && !pem.isBlank();
        boolean hasFile = file != null && !file.isBlank();
        if (hasPem && hasFile) {
            throw new ConfigurationException("Both casebridge.security.jwt.private-key and "
                    + "casebridge.security.jwt.private-key-file are set; set only one.");
        }
        if (hasFile) {
            return new NodeSigningKey(parse(readFile(Path.of(file)), "casebridge.security.jwt.private-key-file " + file),
                    false);
        }
        if (hasPem) {
            return new NodeSigningKey(parse(pem, "casebridge.security.jwt.private-key"), false);
        }
        if (activeEnvironments.stream().anyMatch(EPHEMERAL_KEY_ENVIRONMENTS::contains)) {
            NodeSigningKey key = new NodeSigningKey((RSAPrivateCrtKey) RsaKeys.generate().getPrivate(), true);
            LOG.warn("No JWT signing key configured: generated an ephemeral RSA key ({}) for this run. "
                    + "Tokens stop working when the node restarts.", key.keyId());
            return key;
        }
        throw new ConfigurationException(MISSING_KEY_MESSAGE);
    }

    private static String readFile(Path path) {
        try {
            return Files.readString(path, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read the JWT signing key file " + path + ": " + e.getMessage(), e);
        }
    }

    private static RSAPrivateCrtKey parse(String pem, String source) {
        try {
            return RsaKeys.parsePkcs8Pem(pem);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Unusable JWT signing key from " + source + ": " + e.getMessage(), e);
        }
    }
}
