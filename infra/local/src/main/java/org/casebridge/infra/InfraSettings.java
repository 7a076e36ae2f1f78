package org.casebridge.infra;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@link LocalInfrastructure#start} starts or connects to.
 *
 * <p>{@link #fromEnvironment()} reads these settings, each from a system property first and then an environment
 * variable:
 * <table>
 *   <caption>settings</caption>
 *   <tr><th>system property</th><th>environment variable</th><th>meaning</th></tr>
 *   <tr><td>casebridge.infra</td><td>CASEBRIDGE_INFRA</td><td>auto (default), embedded, external, testcontainers</td></tr>
 *   <tr><td>casebridge.pg.url</td><td>CASEBRIDGE_PG_URL</td><td>JDBC URL of an existing database on an external server</td></tr>
 *   <tr><td>casebridge.pg.user</td><td>CASEBRIDGE_PG_USER</td><td>user with CREATEDB</td></tr>
 *   <tr><td>casebridge.pg.password</td><td>CASEBRIDGE_PG_PASSWORD</td><td>its password</td></tr>
 *   <tr><td>casebridge.kafka.bootstrap</td><td>CASEBRIDGE_KAFKA_BOOTSTRAP</td><td>bootstrap servers of an external cluster</td></tr>
 *   <tr><td>casebridge.kafka.security-protocol</td><td>CASEBRIDGE_KAFKA_SECURITY_PROTOCOL</td><td>SASL_SSL (default) or SASL_PLAINTEXT</td></tr>
 *   <tr><td>casebridge.kafka.sasl-mechanism</td><td>CASEBRIDGE_KAFKA_SASL_MECHANISM</td><td>SCRAM-SHA-512 (default), SCRAM-SHA-256, PLAIN</td></tr>
 *   <tr><td>casebridge.kafka.admin-user</td><td>CASEBRIDGE_KAFKA_ADMIN_USER</td><td>a principal allowed to create topics, users and ACLs</td></tr>
 *   <tr><td>casebridge.kafka.admin-password</td><td>CASEBRIDGE_KAFKA_ADMIN_PASSWORD</td><td>its password</td></tr>
 *   <tr><td>casebridge.kafka.ssl.truststore.location</td><td>CASEBRIDGE_KAFKA_SSL_TRUSTSTORE_LOCATION</td><td>trust store for SASL_SSL (optional)</td></tr>
 *   <tr><td>casebridge.kafka.ssl.truststore.password</td><td>CASEBRIDGE_KAFKA_SSL_TRUSTSTORE_PASSWORD</td><td>its password (optional)</td></tr>
 *   <tr><td>casebridge.infra.kafka</td><td>CASEBRIDGE_INFRA_KAFKA</td><td>in testcontainers mode: {@code embedded} (default, the in-process broker) or {@code container}</td></tr>
 *   <tr><td>casebridge.infra.work-dir</td><td>CASEBRIDGE_INFRA_WORK_DIR</td><td>parent of the embedded servers' temporary directories</td></tr>
 * </table>
 *
 * @param mode             where the servers come from
 * @param externalPostgres an external PostgreSQL server, if configured
 * @param externalKafka    an external Kafka cluster, if configured
 * @param workDirectory    parent of the embedded servers' data directories; null for {@code java.io.tmpdir}
 * @param kafkaContainer   in {@code TESTCONTAINERS} mode, run Kafka in a container too instead of in-process
 */
public record InfraSettings(InfraMode mode, Optional<ExternalPostgresSettings> externalPostgres,
                            Optional<ExternalKafkaSettings> externalKafka, Path workDirectory,
                            boolean kafkaContainer) {

    /** Settings with Kafka in-process in every mode but external. */
    public InfraSettings(InfraMode mode, Optional<ExternalPostgresSettings> externalPostgres,
                         Optional<ExternalKafkaSettings> externalKafka, Path workDirectory) {
        this(mode, externalPostgres, externalKafka, workDirectory, false);
    }

    /** Embedded servers whatever the environment says. */
    public static InfraSettings embedded() {
        return new InfraSettings(InfraMode.EMBEDDED, Optional.empty(), Optional.empty(), null);
    }

    /** Settings from system properties and environment variables (see the class comment). */
    public static InfraSettings fromEnvironment() {
        return fromLookup(name -> {
            String value = System.getProperty(name);
            if (value == null || value.isBlank()) {
                value = System.getenv(name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
            }
            return value == null || value.isBlank() ? null : value.trim();
        });
    }

    /**
     * Settings from a lookup by system property name (e.g. {@code casebridge.pg.url}); for tests and for callers
     * with their own configuration source.
     */
    public static InfraSettings fromLookup(Function<String, String> lookup) {
        String modeText = lookup.apply("casebridge.infra");
        InfraMode mode = modeText == null ? InfraMode.AUTO : InfraMode.parse(modeText);

        Optional<ExternalPostgresSettings> postgres = Optional.empty();
        String pgUrl = lookup.apply("casebridge.pg.url");
        if (pgUrl != null) {
            postgres = Optional.of(new ExternalPostgresSettings(pgUrl,
                    require(lookup, "casebridge.pg.user", "CASEBRIDGE_PG_URL is set"),
                    Optional.ofNullable(lookup.apply("casebridge.pg.password")).orElse("")));
        }

        Optional<ExternalKafkaSettings> kafka = Optional.empty();
        String bootstrap = lookup.apply("casebridge.kafka.bootstrap");
        if (bootstrap != null) {
            Map<String, String> extra = new LinkedHashMap<>();
            String truststore = lookup.apply("casebridge.kafka.ssl.truststore.location");
            if (truststore != null) {
                extra.put("ssl.truststore.location", truststore);
            }
            String truststorePassword = lookup.apply("casebridge.kafka.ssl.truststore.password");
            if (truststorePassword != null) {
                extra.put("ssl.truststore.password", truststorePassword);
            }
            kafka = Optional.of(new ExternalKafkaSettings(bootstrap,
                    Optional.ofNullable(lookup.apply("casebridge.kafka.security-protocol")).orElse("SASL_SSL"),
                    Optional.ofNullable(lookup.apply("casebridge.kafka.sasl-mechanism")).orElse("SCRAM-SHA-512"),
                    new KafkaCredentials(
                            require(lookup, "casebridge.kafka.admin-user", "CASEBRIDGE_KAFKA_BOOTSTRAP is set"),
                            require(lookup, "casebridge.kafka.admin-password", "CASEBRIDGE_KAFKA_BOOTSTRAP is set")),
                    extra));
        }
        String workDir = lookup.apply("casebridge.infra.work-dir");
        String kafkaPlace = lookup.apply("casebridge.infra.kafka");
        if (kafkaPlace != null && !kafkaPlace.equalsIgnoreCase("container") && !kafkaPlace.equalsIgnoreCase("embedded")) {
            throw new IllegalArgumentException("casebridge.infra.kafka must be embedded or container, not " + kafkaPlace);
        }
        return new InfraSettings(mode, postgres, kafka, workDir == null ? null : Path.of(workDir),
                "container".equalsIgnoreCase(kafkaPlace));
    }

    private static String require(Function<String, String> lookup, String name, String because) {
        String value = lookup.apply(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " (" + name.toUpperCase(java.util.Locale.ROOT)
                    .replace('.', '_').replace('-', '_') + ") is required when " + because);
        }
        return value;
    }

    /** The same settings with another mode. */
    public InfraSettings withMode(InfraMode newMode) {
        return new InfraSettings(newMode, externalPostgres, externalKafka, workDirectory, kafkaContainer);
    }

    /**
     * An external PostgreSQL server.
     *
     * @param jdbcUrl  URL of an existing database, e.g. {@code jdbc:postgresql://db:5432/postgres?sslmode=require}
     * @param username a user with CREATEDB (or with the services' databases already created)
     * @param password its password
     */
    public record ExternalPostgresSettings(String jdbcUrl, String username, String password) {
        @Override
        public String toString() {
            return "ExternalPostgresSettings[jdbcUrl=" + jdbcUrl + ", username=" + username + "]";
        }
    }

    /**
     * An external Kafka cluster with SASL authentication.
     *
     * @param bootstrapServers       {@code host:port,...}
     * @param securityProtocol       {@code SASL_SSL} or {@code SASL_PLAINTEXT}
     * @param saslMechanism          {@code SCRAM-SHA-512}, {@code SCRAM-SHA-256} or {@code PLAIN}
     * @param admin                  a principal that may create topics, SCRAM users and ACLs
     * @param extraClientProperties  added to every client's properties (trust store)
     */
    public record ExternalKafkaSettings(String bootstrapServers, String securityProtocol, String saslMechanism,
                                        KafkaCredentials admin, Map<String, String> extraClientProperties) {
        public ExternalKafkaSettings {
            extraClientProperties = Map.copyOf(extraClientProperties);
        }
    }
}
