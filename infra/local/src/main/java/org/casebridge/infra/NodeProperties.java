package org.casebridge.infra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration properties of an agency node (case-service, notification-service), as flat strings that a
 * Micronaut application or test takes as they are. The property names are the services' contract:
 * <ul>
 *   <li>{@value #DATASOURCE_URL}, {@value #DATASOURCE_USERNAME}, {@value #DATASOURCE_PASSWORD},
 *       {@value #DATASOURCE_DRIVER};</li>
 *   <li>{@code kafka.bootstrap.servers}, {@code kafka.security.protocol}, {@code kafka.sasl.mechanism},
 *       {@code kafka.sasl.jaas.config} (and {@code kafka.ssl.*} where the cluster uses TLS);</li>
 *   <li>{@value #AGENCY_CODE}, {@value #AGENCY_SIGNING_KEY}.</li>
 * </ul>
 */
public final class NodeProperties {

    public static final String DATASOURCE_URL = "datasources.default.url";
    public static final String DATASOURCE_USERNAME = "datasources.default.username";
    public static final String DATASOURCE_PASSWORD = "datasources.default.password";
    public static final String DATASOURCE_DRIVER = "datasources.default.driver-class-name";
    /** Prefix of the Kafka client properties. */
    public static final String KAFKA_PREFIX = "kafka.";
    public static final String AGENCY_CODE = "casebridge.agency.code";
    /** The agency's Ed25519 signing key: its 32-byte seed in base64. */
    public static final String AGENCY_SIGNING_KEY = "casebridge.agency.signing-key";

    private NodeProperties() {
    }

    /** The {@code datasources.default.*} properties. */
    public static Map<String, String> datasource(DatabaseCoordinates database) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(DATASOURCE_URL, database.jdbcUrl());
        properties.put(DATASOURCE_USERNAME, database.username());
        properties.put(DATASOURCE_PASSWORD, database.password());
        properties.put(DATASOURCE_DRIVER, "org.postgresql.Driver");
        return properties;
    }

    /** The {@code kafka.*} properties that authenticate as {@code principal}. */
    public static Map<String, String> kafka(KafkaEndpoint kafka, KafkaCredentials principal) {
        Map<String, String> properties = new LinkedHashMap<>();
        kafka.clientProperties(principal).forEach((name, value) -> properties.put(KAFKA_PREFIX + name, value));
        return properties;
    }

    /** The {@code casebridge.agency.*} properties. */
    public static Map<String, String> agency(String agencyCode, String signingKeySeedBase64) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(AGENCY_CODE, agencyCode);
        properties.put(AGENCY_SIGNING_KEY, signingKeySeedBase64);
        return properties;
    }

    /** All of the above for one node. */
    public static Map<String, String> node(DatabaseCoordinates database, KafkaEndpoint kafka,
                                           KafkaCredentials principal, String agencyCode, String signingKeySeedBase64) {
        Map<String, String> properties = new LinkedHashMap<>(datasource(database));
        properties.putAll(kafka(kafka, principal));
        properties.putAll(agency(agencyCode, signingKeySeedBase64));
        return properties;
    }
}
