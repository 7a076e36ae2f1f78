package org.casebridge.infra;

import java.util.Map;

/**
 * A running Kafka cluster that authenticates clients with SASL.
 */
public interface KafkaEndpoint {

    /** {@code host:port[,host:port...]} */
    String bootstrapServers();

    /** The super user that provisions topics, principals and ACLs. */
    KafkaCredentials admin();

    /**
     * Client properties that authenticate as {@code principal}: {@code bootstrap.servers}, {@code security.protocol},
     * {@code sasl.mechanism}, {@code sasl.jaas.config}, plus trust store settings when the cluster uses TLS.
     */
    Map<String, String> clientProperties(KafkaCredentials principal);

    /** {@link #clientProperties} for the admin. */
    default Map<String, String> adminClientProperties() {
        return clientProperties(admin());
    }

    /** What cluster this is, for log lines. */
    String description();
}
