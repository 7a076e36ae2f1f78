package org.casebridge.infra.postgres;

/**
 * A PostgreSQL server someone else runs. {@link #createDatabase} runs {@code CREATE DATABASE} there, so the user
 * needs the {@code CREATEDB} privilege (or create the databases beforehand: existing ones are left as they are).
 */
public final class ExternalPostgres extends JdbcPostgresEndpoint {

    private final String jdbcUrl;

    /**
     * @param jdbcUrl a URL of an existing database, e.g. {@code jdbc:postgresql://db.internal:5432/postgres?sslmode=require}
     */
    public ExternalPostgres(String jdbcUrl, String username, String password) {
        super(jdbcUrl, username, password);
        this.jdbcUrl = jdbcUrl;
    }

    @Override
    public String description() {
        return "external PostgreSQL " + jdbcUrl;
    }
}
