package org.casebridge.infra;

/**
 * A running PostgreSQL server on which services get their own databases.
 */
public interface PostgresEndpoint {

    /**
     * Creates the database if it does not exist yet and returns how to connect to it. Idempotent and safe to call
     * from several threads.
     *
     * @param name lowercase letters, digits and underscores, starting with a letter or underscore, at most 63 characters
     */
    DatabaseCoordinates createDatabase(String name);

    /** What server this is, for log lines, e.g. {@code embedded PostgreSQL 17 on 127.0.0.1:54321}. */
    String description();
}
