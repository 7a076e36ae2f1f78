package org.casebridge.security.token;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Where the node's JWT signing key comes from ({@code casebridge.security.jwt}). Give exactly one of the two; there
 * is no default outside the {@code demo} and {@code test} environments.
 */
@ConfigurationProperties("casebridge.security.jwt")
public class JwtKeyConfiguration {

    /** RSA private key (2048 bits or more), PEM-encoded PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}). */
    @Nullable
    private String privateKey;

    /** Path of a file holding the same PEM text. */
    @Nullable
    private String privateKeyFile;

    @Nullable
    public String getPrivateKey() {
        return privateKey;
    }

    public void setPrivateKey(@Nullable String privateKey) {
        this.privateKey = privateKey;
    }

    @Nullable
    public String getPrivateKeyFile() {
        return privateKeyFile;
    }

    public void setPrivateKeyFile(@Nullable String privateKeyFile) {
        this.privateKeyFile = privateKeyFile;
    }

    @Override
    public String toString() {
        // Never print the key itself.
        return "JwtKeyConfiguration[privateKey=" + (privateKey == null ? "unset" : "set")
                + ", privateKeyFile=" + privateKeyFile + "]";
    }
}
