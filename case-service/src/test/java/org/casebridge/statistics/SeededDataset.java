package org.casebridge.statistics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A small dataset of cases, evidence requests and joint actions at DE-BKA, inserted straight into the database, with
 * figures worked out by hand in the tests that use it. The texts hold personal data on purpose: no export for
 * analysts may contain them.
 */
final class SeededDataset {

    static final String SELF = "DE-BKA";
    static final String PERSONAL_NAME = "Max Mustermann";
    static final String PERSONAL_EMAIL = "max.mustermann@example.org";
    static final String FORMULA_TITLE = "=HYPERLINK(\"http://evil.example\",\"x\")";

    private final Connection connection;

    private SeededDataset(Connection connection) {
        this.connection = connection;
    }

    static void insert(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            new SeededDataset(connection).insertAll();
        }
    }

    private void insertAll() throws SQLException {
        // Cases. c1 and c2 straddle the UTC month boundary around midnight; c4 is late on 31 March UTC, which is
        // 1 April in Berlin (summer time) but still March in New York.
        UUID c1 = caseFile("DE-BKA-2026-000001", SELF, "{RANSOMWARE_EXTORTION}", "OPEN", "2026-01-31T23:30:00Z");
        share(c1, "NL-NHTC");
        share(c1, "FR-OFAC");
        UUID c2 = caseFile("DE-BKA-2026-000002", SELF, "{RANSOMWARE_EXTORTION,ILLEGAL_ACCESS}", "ACTIVE",
                "2026-02-01T00:30:00Z");
        share(c2, "NL-NHTC");
        caseFile("NL-NHTC-2026-000007", "NL-NHTC", "{COMPUTER_FRAUD}", "OPEN", "2026-02-15T12:00:00Z");
        caseFile("DE-BKA-2026-000003", SELF, "{ILLEGAL_ACCESS}", "CLOSED", "2026-03-31T22:30:00Z");

        // Evidence requests: hours after sending when received, decided, fulfilled; the response deadline.
        Instant s1 = Instant.parse("2026-03-02T08:00:00Z");
        request("R1", "OUTBOUND", SELF, "NL-NHTC", "EU_EPOC", "SUBSCRIBER_INFO", "FULFILLED", s1, 1, 10, 48,
                null, s1.plus(hours(1)).plus(Duration.ofDays(10)));
        Instant s2 = Instant.parse("2026-03-03T08:00:00Z");
        request("R2", "OUTBOUND", SELF, "NL-NHTC", "EU_EPOC", "TRAFFIC_DATA", "FULFILLED", s2, 2, 20, 300,
                null, s2.plus(hours(2)).plus(Duration.ofDays(10)));
        Instant s3 = Instant.parse("2026-03-04T08:00:00Z");
        request("R3", "OUTBOUND", SELF, "FR-OFAC", "MLAT", "CONTENT_DATA", "REFUSED", s3, 3, 30, null,
                "NO_DUAL_CRIMINALITY", s3.plus(hours(3)).plus(Duration.ofDays(30)));
        Instant s4 = Instant.parse("2026-03-05T08:00:00Z");
        request("R4", "INBOUND", "FR-OFAC", SELF, "EU_EPOC", "SUBSCRIBER_INFO", "IN_PROGRESS", s4, 4, 40, null,
                null, s4.plus(hours(4)).plus(Duration.ofDays(10)));
        Instant s5 = Instant.parse("2026-03-06T08:00:00Z");
        request("R5", "INBOUND", "NL-NHTC", SELF, "POLICE_TO_POLICE", "OTHER", "RECEIVED", s5, 5, null, null,
                null, Instant.parse("2099-01-01T00:00:00Z"));
        request("R6", "OUTBOUND", SELF, "NL-NHTC", "EU_EPOC", "SUBSCRIBER_INFO", "DRAFT", null, null, null, null,
                null, null);
        Instant s7 = Instant.parse("2026-04-01T08:00:00Z");
        request("R7", "OUTBOUND", SELF, "NL-NHTC", "MLAT", "CONTENT_DATA", "REFUSED", s7, 1, 5, null,
                "INSUFFICIENT_INFORMATION", null);

        // Joint actions: a1 coordinated here with two outcome reports and three seizures; a2 led by NL-NHTC.
        UUID a1 = action(SELF, "COMPLETED", "2026-05-10T04:00:00Z");
        participant(a1, SELF, 0, "COORDINATOR");
        participant(a1, "NL-NHTC", 1, "PARTICIPANT");
        participant(a1, "FR-OFAC", 2, "SUPPORT");
        outcome(a1, SELF, 3, 5, 10, 2, 4, 0);
        outcome(a1, "NL-NHTC", 2, 1, 3, 1, 0, 7);
        seizure(a1, SELF, 0, "BANK_FUNDS", 100050, "EUR", 2);
        seizure(a1, SELF, 1, "CRYPTOCURRENCY", 250000, "USD", 2);
        seizure(a1, "NL-NHTC", 0, "CASH", 20000, "EUR", 2);
        UUID a2 = action("NL-NHTC", "PLANNING", "2026-06-01T05:00:00Z");
        participant(a2, "NL-NHTC", 0, "COORDINATOR");
        participant(a2, SELF, 1, "PARTICIPANT");
    }

    private static Duration hours(long hours) {
        return Duration.ofHours(hours);
    }

    private UUID caseFile(String reference, String lead, String categories, String status, String openedAt)
            throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO case_file (id, reference, lead_agency, title, summary, crime_categories, status, priority,"
                        + " marking, version, opened_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?::text[], ?,"
                        + " 'NORMAL', 'AMBER', 1, ?, ?, 'officer.schmidt')",
                id, reference, lead, FORMULA_TITLE + " " + PERSONAL_NAME,
                "Suspect " + PERSONAL_NAME + " uses " + PERSONAL_EMAIL, categories, status,
                Instant.parse(openedAt), Instant.parse(openedAt));
        return id;
    }

    private void share(UUID caseId, String agency) throws SQLException {
        update("INSERT INTO case_share (case_id, agency, status, shared_at, shared_by) VALUES (?, ?, 'ACTIVE', now(),"
                + " 'officer.schmidt')", caseId, agency);
    }

    private void request(String reference, String direction, String requesting, String requested, String instrument,
                         String type, String status, Instant sent, Integer receivedAfter, Integer decidedAfter,
                         Integer fulfilledAfter, String refusalGround, Instant responseDue) throws SQLException {
        UUID id = UUID.randomUUID();
        Instant created = sent == null ? Instant.parse("2026-03-07T09:00:00Z") : sent.minus(hours(1));
        update("INSERT INTO evidence_request (id, reference, direction, case_id, case_reference, requesting_agency,"
                        + " requested_agency, instrument, request_type, urgency, legal_basis, justification,"
                        + " crime_categories, marking, status, author, refusal_ground, refusal_detail, created_at,"
                        + " sent_at, received_at, decided_at, fulfilled_at, first_fulfilled_at, updated_at,"
                        + " response_due_at, version)"
                        + " VALUES (?, ?, ?, ?, 'DE-BKA-2026-000001', ?, ?, ?, ?, 'NORMAL', 'Art. 5 Reg. 2023/1543', ?,"
                        + " '{RANSOMWARE_EXTORTION}', 'AMBER', ?, 'officer.schmidt', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                id, "DE-BKA-REQ-" + reference, direction, UUID.randomUUID(), requesting, requested, instrument, type,
                "Account of " + PERSONAL_NAME, status, refusalGround,
                refusalGround == null ? null : "Refused for " + PERSONAL_NAME, created, sent,
                after(sent, receivedAfter), after(sent, decidedAfter), after(sent, fulfilledAfter),
                after(sent, fulfilledAfter), created, responseDue);
        update("INSERT INTO evidence_request_item (request_id, position, item_id, item_type, value) VALUES (?, 0, ?,"
                + " 'EMAIL_ADDRESS', ?)", id, UUID.randomUUID(), PERSONAL_EMAIL);
    }

    private static Instant after(Instant sent, Integer hours) {
        return sent == null || hours == null ? null : sent.plus(hours(hours));
    }

    private UUID action(String coordinator, String status, String windowStart) throws SQLException {
        UUID id = UUID.randomUUID();
        Instant start = Instant.parse(windowStart);
        update("INSERT INTO joint_action (id, coordinating_agency, title, objective, status, marking, window_start,"
                        + " window_end, plan_revision, proposed_at, proposed_by, updated_at) VALUES (?, ?, ?, ?, ?,"
                        + " 'AMBER', ?, ?, 1, ?, 'officer.schmidt', ?)",
                id, coordinator, "Arrest of " + PERSONAL_NAME, "Search the home of " + PERSONAL_NAME, status, start,
                start.plus(hours(6)), start.minus(Duration.ofDays(20)), start);
        return id;
    }

    private void participant(UUID action, String agency, int position, String role) throws SQLException {
        update("INSERT INTO joint_action_participant (action_id, agency, position, role, time_zone, tasks, targets,"
                        + " answer, readiness) VALUES (?, ?, ?, ?, 'Europe/Berlin', ?::text[], ?::text[], 'ACCEPTED',"
                        + " 'READY')", action, agency, position, role, "{\"Search flat of " + PERSONAL_NAME + "\"}",
                "{\"" + PERSONAL_EMAIL + "\"}");
    }

    private void outcome(UUID action, String agency, int arrests, int searches, int devices, int servers, int domains,
                         int victims) throws SQLException {
        update("INSERT INTO joint_action_outcome (action_id, agency, arrests, searches, devices_seized,"
                        + " servers_taken_down, domains_taken_down, victims_identified, note, reported_at, reported_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now(), 'officer.schmidt')",
                action, agency, arrests, searches, devices, servers, domains, victims, "Arrested " + PERSONAL_NAME);
    }

    private void seizure(UUID action, String agency, int position, String kind, long minor, String currency,
                         int minorUnit) throws SQLException {
        update("INSERT INTO joint_action_asset_seizure (action_id, agency, position, kind, description, amount_minor,"
                        + " currency, minor_unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                action, agency, position, kind, "Wallet of " + PERSONAL_NAME, minor, currency, minorUnit);
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                if (value instanceof Instant instant) {
                    statement.setTimestamp(i + 1, Timestamp.from(instant));
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            statement.executeUpdate();
        }
    }
}
