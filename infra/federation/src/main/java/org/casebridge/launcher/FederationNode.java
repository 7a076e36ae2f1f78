package org.casebridge.launcher;

/**
 * One agency of the local federation and where its services listen.
 *
 * @param agencyCode       the agency's code in the partner directory
 * @param agencyName       its name, for the start-up table
 * @param casePort         HTTP port of its case-service (API, console, health)
 * @param notificationPort HTTP port of its notification-service
 */
public record FederationNode(String agencyCode, String agencyName, int casePort, int notificationPort) {

    public String caseServiceUrl() {
        return "http://localhost:" + casePort;
    }

    public String notificationServiceUrl() {
        return "http://localhost:" + notificationPort;
    }

    /** Database names are per agency and service, lowercase as PostgreSQL prefers. */
    String databaseName(String service) {
        return agencyCode.toLowerCase().replace('-', '_') + "_" + service;
    }
}
