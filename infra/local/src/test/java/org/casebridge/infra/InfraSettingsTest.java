package org.casebridge.infra;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfraSettingsTest {

    @Test
    void defaultsToAutoWithNothingExternal() {
        InfraSettings settings = InfraSettings.fromLookup(name -> null);
        assertThat(settings.mode()).isEqualTo(InfraMode.AUTO);
        assertThat(settings.externalPostgres()).isEmpty();
        assertThat(settings.externalKafka()).isEmpty();
    }

    @Test
    void readsExternalServers() {
        Map<String, String> values = Map.of(
                "casebridge.infra", "External",
                "casebridge.pg.url", "jdbc:postgresql://db.internal:5432/postgres?sslmode=require",
                "casebridge.pg.user", "casebridge",
                "casebridge.pg.password", "pg-secret",
                "casebridge.kafka.bootstrap", "k1:9096,k2:9096",
                "casebridge.kafka.admin-user", "ops",
                "casebridge.kafka.admin-password", "kafka-secret",
                "casebridge.kafka.ssl.truststore.location", "/etc/kafka/truststore.p12");

        InfraSettings settings = InfraSettings.fromLookup(values::get);

        assertThat(settings.mode()).isEqualTo(InfraMode.EXTERNAL);
        assertThat(settings.externalPostgres()).hasValueSatisfying(pg -> {
            assertThat(pg.username()).isEqualTo("casebridge");
            assertThat(pg.toString()).doesNotContain("pg-secret");
        });
        assertThat(settings.externalKafka()).hasValueSatisfying(kafka -> {
            assertThat(kafka.securityProtocol()).isEqualTo("SASL_SSL");
            assertThat(kafka.saslMechanism()).isEqualTo("SCRAM-SHA-512");
            assertThat(kafka.admin()).isEqualTo(new KafkaCredentials("ops", "kafka-secret"));
            assertThat(kafka.extraClientProperties()).containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12");
        });
    }

    @Test
    void refusesIncompleteOrUnknownSettings() {
        assertThatThrownBy(() -> InfraSettings.fromLookup(Map.of("casebridge.infra", "docker")::get))
                .hasMessageContaining("unknown infrastructure mode 'docker'");
        assertThatThrownBy(() -> InfraSettings.fromLookup(Map.of("casebridge.kafka.bootstrap", "k:9092")::get))
                .hasMessageContaining("CASEBRIDGE_KAFKA_ADMIN_USER");
        assertThatThrownBy(() -> InfraSettings.fromLookup(Map.of("casebridge.pg.url", "jdbc:postgresql://x/y")::get))
                .hasMessageContaining("CASEBRIDGE_PG_USER");
    }

    @Test
    void kafkaContainerOnlyWhenAskedFor() {
        assertThat(InfraSettings.fromLookup(name -> null).kafkaContainer()).isFalse();
        assertThat(InfraSettings.fromLookup(Map.of("casebridge.infra.kafka", "Container")::get).kafkaContainer()).isTrue();
        assertThatThrownBy(() -> InfraSettings.fromLookup(Map.of("casebridge.infra.kafka", "cloud")::get))
                .hasMessageContaining("embedded or container");
    }

    @Test
    void externalModeNeedsBothServers() {
        InfraSettings settings = InfraSettings.fromLookup(Map.of("casebridge.infra", "external")::get);
        assertThatThrownBy(() -> LocalInfrastructure.start(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CASEBRIDGE_PG_URL");
    }
}
