package org.casebridge.infra;

/**
 * How a service connects to its database.
 *
 * @param jdbcUrl  e.g. {@code jdbc:postgresql://127.0.0.1:5432/case_de_bka}
 * @param username database user
 * @param password the user's password (empty for the embedded server, which trusts local connections)
 */
public record DatabaseCoordinates(String jdbcUrl, String username, String password) {

    @Override
    public String toString() {
        return "DatabaseCoordinates[jdbcUrl=" + jdbcUrl + ", username=" + username + "]";
    }
}
