package org.casebridge.infra.postgres;

import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL 17 in a Testcontainers container, for machines with a Docker engine.
 */
public final class ContainerPostgres extends JdbcPostgresEndpoint implements AutoCloseable {

    /** The image used; same major version as the embedded server. */
    public static final String IMAGE = "postgres:17-alpine";

    private final PostgreSQLContainer<?> container;

    private ContainerPostgres(PostgreSQLContainer<?> container) {
        super(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        this.container = container;
    }

    /** Pulls the image if needed and starts a container. */
    public static ContainerPostgres start() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(DockerImageName.parse(IMAGE));
        container.start();
        return new ContainerPostgres(container);
    }

    @Override
    public String description() {
        return "PostgreSQL container " + IMAGE + " on " + container.getHost() + ":" + container.getFirstMappedPort();
    }

    @Override
    public void close() {
        container.stop();
    }
}
