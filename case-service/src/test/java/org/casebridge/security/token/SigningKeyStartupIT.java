package org.casebridge.security.token;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import org.casebridge.infra.junit.NodeTestProperties;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A production node without a JWT signing key must not start: there is no default key outside demo and test. */
class SigningKeyStartupIT {

    @Test
    void productionNodeWithoutAKeyRefusesToStartAndSaysWhatToSet() {
        Map<String, Object> properties = new HashMap<>(NodeTestProperties.forAgency("DE-BKA", "startup_nokey"));

        Throwable failure = catchThrowable(() -> {
            try (ApplicationContext context = ApplicationContext.builder()
                    .environments("prod")
                    .deduceEnvironment(false)
                    .properties(properties)
                    .start()) {
                assertThat(context.getEnvironment().getActiveNames()).doesNotContain("test", "demo");
            }
        });

        assertThat(failure).as("startup must fail").isNotNull();
        assertThat(rootCause(failure)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("No JWT signing key configured")
                .hasMessageContaining("casebridge.security.jwt.private-key")
                .hasMessageContaining("casebridge.security.jwt.private-key-file");
    }

    @Test
    void productionNodeWithAKeyStarts() {
        Map<String, Object> properties = new HashMap<>(NodeTestProperties.forAgency("DE-BKA", "startup_key"));
        properties.put("casebridge.security.jwt.private-key",
                RsaKeys.toPkcs8Pem((java.security.interfaces.RSAPrivateKey) RsaKeys.generate().getPrivate()));

        try (ApplicationContext context = ApplicationContext.builder()
                .environments("prod")
                .deduceEnvironment(false)
                .properties(properties)
                .start()) {
            NodeSigningKey key = context.getBean(NodeSigningKey.class);
            assertThat(key.isEphemeral()).isFalse();
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
