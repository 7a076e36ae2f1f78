package org.casebridge.infra.kafka;

import org.casebridge.infra.InfraSettings.ExternalKafkaSettings;
import org.casebridge.infra.KafkaCredentials;
import org.casebridge.infra.KafkaEndpoint;

import java.util.Map;

/** A Kafka cluster someone else runs, reached with SASL. */
public final class ExternalKafka implements KafkaEndpoint {

    private final ExternalKafkaSettings settings;

    public ExternalKafka(ExternalKafkaSettings settings) {
        this.settings = settings;
    }

    @Override
    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    @Override
    public KafkaCredentials admin() {
        return settings.admin();
    }

    @Override
    public Map<String, String> clientProperties(KafkaCredentials principal) {
        return SaslClientProperties.of(settings.bootstrapServers(), settings.securityProtocol(),
                settings.saslMechanism(), principal, settings.extraClientProperties());
    }

    @Override
    public String description() {
        return "external Kafka " + settings.bootstrapServers() + " (" + settings.securityProtocol() + ", "
                + settings.saslMechanism() + ")";
    }
}
