package org.casebridge.infra.kafka;

import org.casebridge.infra.KafkaCredentials;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the Kafka client properties that authenticate a principal with SASL (SCRAM or PLAIN).
 */
public final class SaslClientProperties {

    private SaslClientProperties() {
    }

    /**
     * @param securityProtocol {@code SASL_PLAINTEXT} or {@code SASL_SSL}
     * @param saslMechanism    {@code SCRAM-SHA-512}, {@code SCRAM-SHA-256} or {@code PLAIN}
     * @param extra            further properties for every client, e.g. {@code ssl.truststore.location}
     */
    public static Map<String, String> of(String bootstrapServers, String securityProtocol, String saslMechanism,
                                         KafkaCredentials principal, Map<String, String> extra) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("bootstrap.servers", bootstrapServers);
        properties.put("security.protocol", securityProtocol);
        properties.put("sasl.mechanism", saslMechanism);
        properties.put("sasl.jaas.config", jaasConfig(saslMechanism, principal));
        properties.putAll(extra);
        return Map.copyOf(properties);
    }

    /** The {@code sasl.jaas.config} line for the mechanism. */
    public static String jaasConfig(String saslMechanism, KafkaCredentials principal) {
        String module = saslMechanism.toUpperCase(Locale.ROOT).startsWith("SCRAM-")
                ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                : "org.apache.kafka.common.security.plain.PlainLoginModule";
        return module + " required username=\"" + quote(principal.username()) + "\" password=\""
                + quote(principal.password()) + "\";";
    }

    // JAAS values are quoted strings: escape the backslash and the quote.
    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
