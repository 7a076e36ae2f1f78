package org.casebridge.infra.kafka;

import org.casebridge.infra.KafkaCredentials;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SaslClientPropertiesTest {

    @Test
    void scramLoginWithQuotedPassword() {
        Map<String, String> properties = SaslClientProperties.of("k:9096", "SASL_SSL", "SCRAM-SHA-512",
                new KafkaCredentials("DE-BKA", "p\"w\\d"), Map.of("ssl.truststore.location", "/t.p12"));

        assertThat(properties)
                .containsEntry("bootstrap.servers", "k:9096")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/t.p12")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"DE-BKA\" password=\"p\\\"w\\\\d\";");
    }

    @Test
    void plainLoginForPlainMechanism() {
        assertThat(SaslClientProperties.jaasConfig("PLAIN", new KafkaCredentials("u", "p")))
                .startsWith("org.apache.kafka.common.security.plain.PlainLoginModule required");
    }
}
