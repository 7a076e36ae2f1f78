package org.casebridge.testkit;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.casebridge.infra.DatabaseCoordinates;
import org.casebridge.infra.junit.NodeTestProperties;
import org.casebridge.infra.junit.SharedInfrastructure;
import org.casebridge.security.TestTokens;
import org.casebridge.security.domain.Role;

/**
 * One agency node for multi-node tests: a case-service application context with its own database, on the shared real
 * PostgreSQL and Kafka, with an HTTP client and tokens for its users.
 */
public final class TestNode implements AutoCloseable {

    private final String agency;
    private final DatabaseCoordinates database;
    private final EmbeddedServer server;
    private final HttpClient client;

    private TestNode(String agency, DatabaseCoordinates database, EmbeddedServer server) {
        this.agency = agency;
        this.database = database;
        this.server = server;
        this.client = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
    }

    /** A node of {@code agency} on a fresh database. */
    public static TestNode start(String agency) {
        return start(agency, SharedInfrastructure.freshDatabase(agency), Map.of());
    }

    /** A node of {@code agency} on the given database (a restart keeps the database), with extra properties. */
    public static TestNode start(String agency, DatabaseCoordinates database, Map<String, Object> extra) {
        Map<String, Object> properties = new LinkedHashMap<>(NodeTestProperties.forAgency(agency, database));
        properties.putAll(extra);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        return new TestNode(agency, database, server);
    }

    public String agency() {
        return agency;
    }

    public DatabaseCoordinates database() {
        return database;
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    /** The connection pool itself, for checks in SQL outside the node's transactions. */
    public DataSource dataSource() {
        return DelegatingDataSource.unwrapDataSource(bean(DataSource.class));
    }

    /** Where the node listens, e.g. {@code http://localhost:43123}. */
    public java.net.URL url() {
        return server.getURL();
    }

    public BlockingHttpClient http() {
        return client.toBlocking();
    }

    /** A bearer token of a user with these roles, created on first use. */
    public String token(String username, Role... roles) {
        return bean(TestTokens.class).bearer(username, roles);
    }

    /** A liaison officer's token, the role that works cases. */
    public String liaison() {
        return token("liaison", Role.LIAISON);
    }

    @Override
    public void close() {
        client.close();
        server.getApplicationContext().close();
    }
}
