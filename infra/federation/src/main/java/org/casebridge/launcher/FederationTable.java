package org.casebridge.launcher;

import java.util.Map;

/** The table the run command prints once every node is healthy. */
final class FederationTable {

    private FederationTable() {
    }

    static String render(LocalFederation federation, String demoPassword) {
        StringBuilder out = new StringBuilder();
        out.append(System.lineSeparator())
                .append(String.format("CaseBridge local federation ready in %.1f s (infrastructure %.1f s)%n",
                        federation.startTime().toMillis() / 1000.0,
                        federation.infrastructureStartTime().toMillis() / 1000.0))
                .append(System.lineSeparator());
        String row = "%-9s %-44s %-24s %-24s%n";
        out.append(String.format(row, "agency", "name", "case-service (console)", "notification-service"));
        out.append(String.format(row, "-".repeat(9), "-".repeat(44), "-".repeat(24), "-".repeat(24)));
        for (FederationNode node : federation.nodes()) {
            out.append(String.format(row, node.agencyCode(), abbreviate(node.agencyName(), 44),
                    node.caseServiceUrl(), node.notificationServiceUrl()));
        }
        out.append(System.lineSeparator())
                .append("Demo users on every node: liaison, supervisor, analyst, admin  /  password: ")
                .append(demoPassword).append(System.lineSeparator())
                .append("Sign in:  curl -s -XPOST ").append(federation.nodes().get(0).caseServiceUrl())
                .append("/login -H 'Content-Type: application/json' -d '{\"username\":\"liaison\",\"password\":\"")
                .append(demoPassword).append("\"}'").append(System.lineSeparator())
                .append("Notifications: ").append(federation.nodes().get(0).notificationServiceUrl())
                .append("/api/v1/notifications with the same token (docs/notifications.md)")
                .append(System.lineSeparator())
                .append("Demo mailbox (e-mails the notification-services sent): ").append(federation.mailboxUrl())
                .append(System.lineSeparator())
                .append(System.lineSeparator()).append("Logs:").append(System.lineSeparator());
        for (Map.Entry<String, java.nio.file.Path> log : federation.logFiles().entrySet()) {
            out.append(String.format("  %-32s %s%n", log.getKey(), log.getValue()));
        }
        out.append(System.lineSeparator()).append("Press Ctrl-C to stop everything.").append(System.lineSeparator());
        return out.toString();
    }

    private static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
