package org.casebridge.infra.junit;

import org.casebridge.infra.DatabaseCoordinates;
import org.casebridge.infra.KafkaCredentials;
import org.casebridge.infra.demo.DemoFederation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Micronaut test properties for an agency node on the {@link SharedInfrastructure}: a fresh database, the
 * agency's own Kafka principal (not the admin) and its demo signing key. A {@code @MicronautTest} class that
 * implements {@code TestPropertyProvider} with {@code @TestInstance(PER_CLASS)} returns them:
 * <pre>
 * public Map&lt;String, String&gt; getProperties() {
 *     return NodeTestProperties.forAgency("DE-BKA");
 * }
 * </pre>
 */
public final class NodeTestProperties {

    /** Turns off Micronaut Test Resources, which would try to start its own containers. */
    public static final String TEST_RESOURCES_ENABLED = "micronaut.test.resources.enabled";

    private NodeTestProperties() {
    }

    /** Properties for a node of {@code agencyCode} with a fresh database named after the agency. */
    public static Map<String, String> forAgency(String agencyCode) {
        return forAgency(agencyCode, agencyCode);
    }

    /** Properties for a node of {@code agencyCode} with a fresh database whose name starts with {@code databasePrefix}. */
    public static Map<String, String> forAgency(String agencyCode, String databasePrefix) {
        SharedInfrastructure.directory().require(agencyCode);
        return forAgency(agencyCode, SharedInfrastructure.freshDatabase(databasePrefix));
    }

    /** Properties for a node of {@code agencyCode} on the given database. */
    public static Map<String, String> forAgency(String agencyCode, DatabaseCoordinates database) {
        Map<String, String> properties = new LinkedHashMap<>(
                DemoFederation.nodeProperties(SharedInfrastructure.get(), agencyCode, database));
        properties.put(TEST_RESOURCES_ENABLED, "false");
        return properties;
    }

    /** The agency's Kafka principal on the shared infrastructure (demo password). */
    public static KafkaCredentials agencyPrincipal(String agencyCode) {
        return DemoFederation.principal(agencyCode);
    }

    /** Plain Kafka client properties (no {@code kafka.} prefix) authenticating as the agency, for test clients. */
    public static Map<String, String> kafkaClientProperties(String agencyCode) {
        return SharedInfrastructure.get().kafka().clientProperties(agencyPrincipal(agencyCode));
    }

    /** Plain Kafka client properties authenticating as the admin, for test set-up and inspection. */
    public static Map<String, String> adminClientProperties() {
        return SharedInfrastructure.get().kafka().adminClientProperties();
    }
}
