package org.casebridge.jointactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;
import org.casebridge.directory.HandlingMarking;
import org.casebridge.events.v1.DomainEvent;
import org.casebridge.exchange.app.PartnerMessenger;
import org.casebridge.messages.v1.JointActionReadinessDeclared;
import org.casebridge.messages.v1.JointActionStatus;
import org.casebridge.messages.v1.JointActionStatusChanged;
import org.casebridge.schema.KafkaHeaders;
import org.casebridge.schema.KafkaTopics;
import org.casebridge.schema.codec.DomainEventCodec;
import org.casebridge.testkit.TestNode;
import org.casebridge.testkit.TopicContents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three agency nodes on real PostgreSQL and Kafka: DE-BKA coordinates joint actions with NL-NHTC and FR-OFAC. Every
 * step travels as signed messages through the coordinator, and every node ends up with the same action and totals.
 * The last test stops FR-OFAC during planning and shows that it catches up, in order, when it returns.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JointActionFederationIT {

    private static final Duration FEDERATION_TIMEOUT = Duration.ofSeconds(60);
    private static final String BASE = "/api/v1/joint-actions";

    private TestNode a;
    private TestNode b;
    private TestNode c;

    @BeforeAll
    void startNodes() {
        a = TestNode.start("DE-BKA");
        b = TestNode.start("NL-NHTC");
        c = TestNode.start("FR-OFAC");
    }

    @AfterAll
    void stopNodes() {
        for (TestNode node : new TestNode[] {a, b, c}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void theWholeLifecycleFromInvitationToTotalsOnEveryNode() {
        String caseId = (String) post(a, "/api/v1/cases", Map.of("title", "Ransomware group infrastructure",
                "summary", "Leak site and C2", "crimeCategories", List.of("RANSOMWARE_EXTORTION"),
                "handlingMarking", "AMBER")).get("id");
        Instant start = Instant.now().plus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> proposal = proposal("Operation Nightfall", start, "AMBER");
        proposal.put("linkedCases", List.of(caseId));
        proposal.put("shareLinkedCases", true);
        HttpResponse<Map> created = a.http().exchange(HttpRequest.POST(BASE, proposal).bearerAuth(a.liaison()), Map.class);
        assertThat(created.getStatus().getCode()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        String id = (String) created.body().get("id");
        assertThat((Object) created.body().get("status")).isEqualTo("PROPOSED");
        assertThat(list(created.body().get("linkedCases"))).singleElement()
                .satisfies(link -> assertThat((Object) link.get("caseId")).isEqualTo(caseId));

        // Both participants are invited and see the window on their own clocks and in UTC.
        for (TestNode node : new TestNode[] {b, c}) {
            eventually().untilAsserted(() -> {
                Map<?, ?> copy = get(node, BASE + "/" + id);
                assertThat((Object) copy.get("status")).isEqualTo("PROPOSED");
                assertThat((Object) copy.get("copy")).isEqualTo(true);
                assertThat((Object) copy.get("ownRole")).isEqualTo("PARTICIPANT");
                assertThat((Object) map(copy.get("window")).get("startUtc")).isEqualTo(start.toString());
            });
        }
        Map<?, ?> atB = get(b, BASE + "/" + id);
        assertThat((Object) map(atB.get("localWindow")).get("timeZone")).isEqualTo("Europe/Amsterdam");
        assertThat(participant(atB, "FR-OFAC").get("timeZone")).isEqualTo("Europe/Paris");
        assertThat(participant(atB, "NL-NHTC").get("tasks")).isEqualTo(List.of("Seize the C2 servers"));
        assertThat(list(atB.get("linkedCases"))).singleElement()
                .satisfies(link -> assertThat((Object) link.get("reference")).asString().startsWith("DE-BKA-"));

        // NL-NHTC accepts, FR-OFAC declines with a reason.
        post(b, BASE + "/" + id + "/participation", Map.of("answer", "ACCEPT"));
        Map<?, ?> declineWithoutReason = expectProblem(c, HttpRequest.POST(BASE + "/" + id + "/participation",
                Map.of("answer", "DECLINE")), 422);
        assertThat(fields(declineWithoutReason)).containsExactly("reason");
        post(c, BASE + "/" + id + "/participation", Map.of("answer", "DECLINE", "reason", "No capacity that week"));
        eventually().untilAsserted(() -> {
            Map<?, ?> coordinator = get(a, BASE + "/" + id);
            assertThat((Object) coordinator.get("status")).isEqualTo("PLANNING");
            assertThat(participant(coordinator, "NL-NHTC").get("answer")).isEqualTo("ACCEPTED");
            assertThat(participant(coordinator, "FR-OFAC").get("answer")).isEqualTo("DECLINED");
            assertThat(participant(coordinator, "FR-OFAC").get("answerNote")).isEqualTo("No capacity that week");
        });
        // The coordinator relays the answers; the linked case follows the accepting participant only.
        eventually().untilAsserted(() -> {
            assertThat(participant(get(c, BASE + "/" + id), "NL-NHTC").get("answer")).isEqualTo("ACCEPTED");
            assertThat(participant(get(b, BASE + "/" + id), "FR-OFAC").get("answer")).isEqualTo("DECLINED");
            assertThat(status(b, "/api/v1/cases/" + caseId)).isEqualTo(200);
        });
        assertThat(status(c, "/api/v1/cases/" + caseId)).isEqualTo(404);
        assertThat((Object) list(get(b, BASE + "/" + id).get("linkedCases")).get(0).get("caseId")).isEqualTo(caseId);

        // The coordinator moves the window and gives NL-NHTC a second task; participants get the new plan.
        Instant newStart = start.plus(1, ChronoUnit.DAYS);
        HttpResponse<Map> patched = a.http().exchange(HttpRequest.PATCH(BASE + "/" + id, Map.of(
                        "windowStart", newStart.toString(), "windowEnd", newStart.plus(8, ChronoUnit.HOURS).toString(),
                        "assignments", List.of(Map.of("agency", "NL-NHTC",
                                "tasks", List.of("Seize the C2 servers", "Arrest the administrator")))))
                .header("If-Match", "\"1\"").bearerAuth(a.liaison()), Map.class);
        assertThat(patched.header("ETag")).isEqualTo("\"2\"");
        eventually().untilAsserted(() -> {
            Map<?, ?> copy = get(b, BASE + "/" + id);
            assertThat((Object) copy.get("planRevision")).isEqualTo(2);
            assertThat(participant(copy, "NL-NHTC").get("tasks"))
                    .isEqualTo(List.of("Seize the C2 servers", "Arrest the administrator"));
            assertThat((Object) map(copy.get("window")).get("startUtc")).isEqualTo(newStart.toString());
        });
        Map<?, ?> stalePatch = expectProblem(a, HttpRequest.PATCH(BASE + "/" + id, Map.of("title", "x"))
                .header("If-Match", "\"1\""), 412);
        assertThat((Object) stalePatch.get("code")).isEqualTo("STALE_VERSION");
        expectProblem(b, HttpRequest.PATCH(BASE + "/" + id, Map.of("title", "x")), 409);

        // Readiness: the coordinator is ready, NL-NHTC is not yet; GO is refused.
        post(a, BASE + "/" + id + "/readiness", Map.of("ready", true));
        post(b, BASE + "/" + id + "/readiness", Map.of("ready", false, "note", "Warrant not signed yet"));
        eventually().untilAsserted(() ->
                assertThat(participant(get(a, BASE + "/" + id), "NL-NHTC").get("readiness")).isEqualTo("NOT_READY"));
        Map<?, ?> refusedGo = expectProblem(a, HttpRequest.POST(BASE + "/" + id + "/decision", Map.of("decision", "GO")),
                409);
        assertThat((Object) refusedGo.get("code")).isEqualTo("NOT_READY");
        assertThat((Object) refusedGo.get("detail")).asString().contains("NL-NHTC");
        // Only the coordinator decides.
        expectProblem(b, HttpRequest.POST(BASE + "/" + id + "/decision", Map.of("decision", "GO")), 409);

        post(b, BASE + "/" + id + "/readiness", Map.of("ready", true));
        eventually().untilAsserted(() -> assertThat((Object) get(a, BASE + "/" + id).get("status")).isEqualTo("READY"));
        post(a, BASE + "/" + id + "/decision", Map.of("decision", "GO"));
        for (TestNode node : new TestNode[] {b, c}) {
            eventually().untilAsserted(() -> assertThat((Object) get(node, BASE + "/" + id).get("status")).isEqualTo("GO"));
        }

        // Completion is out of turn before the action started.
        expectProblem(a, HttpRequest.POST(BASE + "/" + id + "/status", Map.of("status", "COMPLETED")), 409);
        post(a, BASE + "/" + id + "/status", Map.of("status", "IN_PROGRESS"));
        post(a, BASE + "/" + id + "/status", Map.of("status", "COMPLETED"));
        eventually().untilAsserted(() ->
                assertThat((Object) get(b, BASE + "/" + id).get("status")).isEqualTo("COMPLETED"));

        // Outcomes from each participant; FR-OFAC declined and has none to report.
        post(a, BASE + "/" + id + "/outcomes", Map.of("arrests", 2, "searches", 4, "devicesSeized", 11,
                "assetsSeized", List.of(Map.of("kind", "CRYPTOCURRENCY", "description", "Hardware wallet",
                        "amount", "48000.00", "currency", "EUR")),
                "serversTakenDown", 3, "domainsTakenDown", 7, "victimsIdentified", 120));
        post(b, BASE + "/" + id + "/outcomes", Map.of("arrests", 1, "searches", 2, "devicesSeized", 5,
                "assetsSeized", List.of(
                        Map.of("kind", "CASH", "description", "Cash at the premises", "amount", 12500.5, "currency", "EUR"),
                        Map.of("kind", "BANK_FUNDS", "description", "Frozen account", "amount", "9000", "currency", "USD")),
                "serversTakenDown", 20, "domainsTakenDown", 0, "victimsIdentified", 30, "note", "Admin arrested"));
        expectProblem(c, HttpRequest.POST(BASE + "/" + id + "/outcomes", Map.of("arrests", 1)), 409);

        for (TestNode node : new TestNode[] {a, b, c}) {
            eventually().untilAsserted(() -> {
                Map<?, ?> totals = map(get(node, BASE + "/" + id).get("totals"));
                assertThat(totals.get("reportedBy")).isEqualTo(List.of("DE-BKA", "NL-NHTC"));
                assertThat((Object) totals.get("arrests")).isEqualTo(3);
                assertThat((Object) totals.get("searches")).isEqualTo(6);
                assertThat((Object) totals.get("devicesSeized")).isEqualTo(16);
                assertThat((Object) totals.get("assetsSeized")).isEqualTo(3);
                assertThat((Object) totals.get("serversTakenDown")).isEqualTo(23);
                assertThat((Object) totals.get("domainsTakenDown")).isEqualTo(7);
                assertThat((Object) totals.get("victimsIdentified")).isEqualTo(150);
                assertThat(list(totals.get("seizedValues"))).extracting(v -> v.get("currency") + " " + v.get("amountMinor"))
                        .containsExactly("EUR 6050050", "USD 900000");
            });
        }

        // Every message the coordinator sent was applied by its recipient.
        eventually().untilAsserted(() -> {
            List<Map<?, ?>> deliveries = list(get(a, BASE + "/" + id).get("deliveries"));
            assertThat(deliveries).extracting(d -> (String) d.get("type")).contains("JointActionProposed",
                    "JointActionParticipationAnswered", "JointActionPlanUpdated", "JointActionReadinessDeclared",
                    "JointActionGoDecision", "JointActionStatusChanged", "JointActionOutcomeReported");
            assertThat(deliveries).allSatisfy(d -> assertThat((Object) d.get("status")).isEqualTo("APPLIED"));
        });

        // The outcome rows total in SQL as the statistics read them.
        assertThat(sqlTotals(b, id)).isEqualTo("3|EUR:60500.5000,USD:9000.0000");

        // Each step is audited and raised a domain event for notifications.
        assertThat(auditActions(a, id)).contains("JOINT_ACTION_CREATED", "JOINT_ACTION_UPDATED", "JOINT_ACTION_READ",
                "JOINT_ACTION_READINESS_DECLARED", "JOINT_ACTION_DECIDED", "JOINT_ACTION_STATUS_CHANGED",
                "JOINT_ACTION_OUTCOME_REPORTED", "PARTNER_UPDATE_APPLIED");
        assertThat(auditActions(c, id)).contains("JOINT_ACTION_ANSWERED", "PARTNER_UPDATE_APPLIED");
        eventually().untilAsserted(() -> assertThat(eventSteps(b, id)).contains("JOINT_ACTION_INVITATION/PROPOSED",
                "JOINT_ACTION_UPDATED/ANSWER", "JOINT_ACTION_UPDATED/PLAN", "JOINT_ACTION_UPDATED/READINESS",
                "JOINT_ACTION_DECISION/DECISION", "JOINT_ACTION_UPDATED/STATUS", "JOINT_ACTION_OUTCOME/OUTCOME"));
        eventually().untilAsserted(() -> assertThat(eventSteps(a, id)).contains("JOINT_ACTION_UPDATED/ANSWER",
                "JOINT_ACTION_UPDATED/READINESS", "JOINT_ACTION_OUTCOME/OUTCOME"));
    }

    @Test
    @Order(2)
    void aNoGoStopsTheActionOnEveryNode() {
        String id = propose(a, proposal("Operation Paper Moon", Instant.now().plus(30, ChronoUnit.DAYS), "GREEN"));
        eventually().untilAsserted(() -> assertThat(status(b, BASE + "/" + id)).isEqualTo(200));
        post(b, BASE + "/" + id + "/participation", Map.of("answer", "ACCEPTED", "reason", "Two teams available"));
        eventually().untilAsserted(() -> assertThat((Object) get(a, BASE + "/" + id).get("status")).isEqualTo("PLANNING"));
        Map<?, ?> noReason = expectProblem(a, HttpRequest.POST(BASE + "/" + id + "/decision", Map.of("decision", "NO_GO")),
                422);
        assertThat(fields(noReason)).containsExactly("reason");
        post(a, BASE + "/" + id + "/decision", Map.of("decision", "NO_GO", "reason", "The main suspect left the country"));
        for (TestNode node : new TestNode[] {b, c}) {
            eventually().untilAsserted(() -> {
                Map<?, ?> copy = get(node, BASE + "/" + id);
                assertThat((Object) copy.get("status")).isEqualTo("NO_GO");
                assertThat((Object) copy.get("statusReason")).isEqualTo("The main suspect left the country");
            });
        }
        expectProblem(a, HttpRequest.POST(BASE + "/" + id + "/status", Map.of("status", "IN_PROGRESS")), 409);
        expectProblem(b, HttpRequest.POST(BASE + "/" + id + "/readiness", Map.of("ready", true)), 409);
        Map<?, ?> derived = expectProblem(a, HttpRequest.POST(BASE + "/" + id + "/status", Map.of("status", "READY")), 422);
        assertThat(fields(derived)).containsExactly("status");

        // Lists filter by status and date.
        Map<?, ?> noGo = get(b, BASE + "?status=NO_GO");
        assertThat(list(noGo.get("items"))).extracting(item -> (String) item.get("id")).contains(id);
        assertThat(list(get(b, BASE + "?status=PLANNING").get("items"))).extracting(item -> (String) item.get("id"))
                .doesNotContain(id);
        String day = Instant.now().plus(30, ChronoUnit.DAYS).toString().substring(0, 10);
        assertThat(list(get(a, BASE + "?from=" + day + "&to=" + day).get("items")))
                .extracting(item -> (String) item.get("id")).contains(id);
        assertThat(list(get(a, BASE + "?to=2020-01-01").get("items"))).isEmpty();
    }

    @Test
    @Order(3)
    void anIllegalStepOverKafkaIsRefusedWithAReceiptAndDeadLettered() {
        String id = propose(a, proposal("Operation Glass Harbour", Instant.now().plus(20, ChronoUnit.DAYS), "AMBER"));
        eventually().untilAsserted(() -> assertThat(status(b, BASE + "/" + id)).isEqualTo(200));

        // The coordinator's node, misbehaving, declares the action completed while it is only proposed.
        UUID messageId = transactions(a).executeWrite(status -> a.bean(PartnerMessenger.class)
                .send("NL-NHTC", "joint-action", UUID.fromString(id), HandlingMarking.AMBER,
                        JointActionStatusChanged.newBuilder().setJointActionId(UUID.fromString(id))
                                .setStatus(JointActionStatus.COMPLETED).setChangedAt(Instant.now()).build(),
                        null, null));
        // A participant speaks about an action it does not coordinate.
        UUID forged = transactions(b).executeWrite(status -> b.bean(PartnerMessenger.class)
                .send("FR-OFAC", "joint-action", UUID.fromString(id), HandlingMarking.AMBER,
                        JointActionStatusChanged.newBuilder().setJointActionId(UUID.fromString(id))
                                .setStatus(JointActionStatus.CANCELLED).setChangedAt(Instant.now()).build(),
                        null, null));

        // A participant speaks for another participant to the coordinator.
        UUID spoofed = transactions(b).executeWrite(status -> b.bean(PartnerMessenger.class)
                .send("DE-BKA", "joint-action", UUID.fromString(id), HandlingMarking.AMBER,
                        JointActionReadinessDeclared.newBuilder().setJointActionId(UUID.fromString(id))
                                .setAgency("FR-OFAC").setReady(true).setDeclaredAt(Instant.now()).build(),
                        null, null));
        eventually().untilAsserted(() -> assertThat(list(get(b, BASE + "/" + id).get("deliveries")))
                .filteredOn(d -> spoofed.toString().equals(d.get("messageId"))).singleElement()
                .satisfies(d -> {
                    assertThat((Object) d.get("status")).isEqualTo("REFUSED");
                    assertThat((Object) d.get("reasonCode")).isEqualTo("VALIDATION_FAILED");
                }));
        eventually().untilAsserted(() -> {
            List<Map<?, ?>> deliveries = list(get(a, BASE + "/" + id).get("deliveries"));
            assertThat(deliveries).filteredOn(d -> messageId.toString().equals(d.get("messageId"))).singleElement()
                    .satisfies(d -> {
                        assertThat((Object) d.get("status")).isEqualTo("REFUSED");
                        assertThat((Object) d.get("reasonCode")).isEqualTo("ILLEGAL_TRANSITION");
                    });
        });
        eventually().untilAsserted(() -> assertThat(TopicContents.readAll(KafkaTopics.inbox("FR-OFAC") + ".dlt"))
                .anySatisfy(r -> {
                    assertThat(TopicContents.header(r, KafkaHeaders.MESSAGE_ID)).isEqualTo(forged.toString());
                    assertThat(TopicContents.header(r, KafkaHeaders.DLT_REASON)).isEqualTo("ILLEGAL_TRANSITION");
                }));
        // No copy changed, and every node goes on consuming.
        assertThat(participant(get(a, BASE + "/" + id), "FR-OFAC").get("readiness")).isEqualTo("UNDECLARED");
        assertThat((Object) get(b, BASE + "/" + id).get("status")).isEqualTo("PROPOSED");
        assertThat((Object) get(c, BASE + "/" + id).get("status")).isEqualTo("PROPOSED");
        post(b, BASE + "/" + id + "/participation", Map.of("answer", "ACCEPT"));
        eventually().untilAsserted(() -> assertThat((Object) get(c, BASE + "/" + id).get("status")).isEqualTo("PLANNING"));
    }

    @Test
    @Order(4)
    void aParticipantOfflineDuringPlanningCatchesUpInOrderWhenItReturns() {
        Instant start = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> proposal = proposal("Operation Low Tide", start, "GREEN");
        proposal.put("participants", List.of(
                Map.of("agency", "NL-NHTC", "role", "PARTICIPANT"),
                Map.of("agency", "FR-OFAC", "role", "SUPPORT", "tasks", List.of("Hoster contact"))));
        String id = propose(a, proposal);
        eventually().untilAsserted(() -> assertThat(status(c, BASE + "/" + id)).isEqualTo(200));
        post(c, BASE + "/" + id + "/participation", Map.of("answer", "ACCEPT"));
        post(b, BASE + "/" + id + "/participation", Map.of("answer", "ACCEPT"));
        eventually().untilAsserted(() -> assertThat(participant(get(c, BASE + "/" + id), "NL-NHTC").get("answer"))
                .isEqualTo("ACCEPTED"));

        // FR-OFAC goes offline; planning goes on without it.
        var database = c.database();
        c.close();
        c = null;
        for (int revision = 2; revision <= 4; revision++) {
            a.http().exchange(HttpRequest.PATCH(BASE + "/" + id, Map.of("title", "Operation Low Tide, plan " + revision,
                    "windowStart", start.plus(revision, ChronoUnit.HOURS).toString(),
                    "windowEnd", start.plus(revision + 6, ChronoUnit.HOURS).toString())).bearerAuth(a.liaison()));
        }
        post(a, BASE + "/" + id + "/readiness", Map.of("ready", true));
        post(b, BASE + "/" + id + "/readiness", Map.of("ready", true));
        eventually().untilAsserted(() -> assertThat((Object) get(a, BASE + "/" + id).get("status")).isEqualTo("READY"));
        post(a, BASE + "/" + id + "/decision", Map.of("decision", "GO"));
        post(a, BASE + "/" + id + "/status", Map.of("status", "IN_PROGRESS"));
        eventually().untilAsserted(() -> assertThat(list(get(a, BASE + "/" + id).get("deliveries")))
                .filteredOn(d -> "FR-OFAC".equals(d.get("recipient")) && !"APPLIED".equals(d.get("status"))).isNotEmpty());

        // Back on the same database: its inbox consumer group resumes where it stopped.
        c = TestNode.start("FR-OFAC", database, Map.of());
        eventually().untilAsserted(() -> {
            Map<?, ?> copy = get(c, BASE + "/" + id);
            assertThat((Object) copy.get("status")).isEqualTo("IN_PROGRESS");
            assertThat((Object) copy.get("planRevision")).isEqualTo(4);
            assertThat((Object) copy.get("title")).isEqualTo("Operation Low Tide, plan 4");
            assertThat(participant(copy, "NL-NHTC").get("readiness")).isEqualTo("READY");
            assertThat(participant(copy, "DE-BKA").get("readiness")).isEqualTo("READY");
        });
        // Nothing was lost, and the copy applied the coordinator's steps in the order they were taken.
        assertThat(appliedDetails(c, id)).containsSubsequence("plan revision 2", "plan revision 3", "plan revision 4",
                "DE-BKA ready", "NL-NHTC ready", "GO", "status IN_PROGRESS");
        eventually().untilAsserted(() -> assertThat(list(get(a, BASE + "/" + id).get("deliveries")))
                .allSatisfy(d -> assertThat((Object) d.get("status")).isEqualTo("APPLIED")));
    }

    @Test
    @Order(5)
    void aReadinessThatCrossedAPlanChangeDoesNotCountForTheNewPlan() {
        String id = propose(a, proposal("Operation Crosswind", Instant.now().plus(30, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.HOURS), "GREEN"));
        eventually().untilAsserted(() -> assertThat(status(b, BASE + "/" + id)).isEqualTo(200));
        post(b, BASE + "/" + id + "/participation", Map.of("answer", "ACCEPT"));
        eventually().untilAsserted(() -> assertThat(participant(get(a, BASE + "/" + id), "NL-NHTC").get("answer"))
                .isEqualTo("ACCEPTED"));

        // The coordinator moves the window (revision 2) ...
        Instant later = Instant.now().plus(31, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        a.http().exchange(HttpRequest.PATCH(BASE + "/" + id, Map.of("windowStart", later.toString(),
                "windowEnd", later.plus(6, ChronoUnit.HOURS).toString())).bearerAuth(a.liaison()));
        eventually().untilAsserted(() -> assertThat((Object) get(b, BASE + "/" + id).get("planRevision")).isEqualTo(2));
        // ... while NL-NHTC's readiness for revision 1 is still on its way to the coordinator.
        UUID stale = sendReadiness(b, id, true, 1L);
        eventually().untilAsserted(() -> assertThat(list(get(b, BASE + "/" + id).get("deliveries")))
                .filteredOn(d -> stale.toString().equals(d.get("messageId"))).singleElement()
                .satisfies(d -> {
                    assertThat((Object) d.get("status")).isEqualTo("REFUSED");
                    assertThat((Object) d.get("reasonCode")).isEqualTo("ILLEGAL_TRANSITION");
                    assertThat((Object) d.get("reasonText")).asString().startsWith("STALE_PLAN_REVISION")
                            .contains("revision 1");
                }));
        assertThat(participant(get(a, BASE + "/" + id), "NL-NHTC").get("readiness")).isEqualTo("UNDECLARED");
        assertThat(participant(get(c, BASE + "/" + id), "NL-NHTC").get("readiness")).isEqualTo("UNDECLARED");

        // An officer who reviewed revision 1 is told the plan changed; for revision 2 the readiness counts.
        Map<?, ?> conflict = expectProblem(b, HttpRequest.POST(BASE + "/" + id + "/readiness",
                Map.of("ready", true, "planRevision", 1)), 409);
        assertThat((Object) conflict.get("code")).isEqualTo("STALE_PLAN_REVISION");
        Map<?, ?> unknownRevision = expectProblem(b, HttpRequest.POST(BASE + "/" + id + "/readiness",
                Map.of("ready", true, "planRevision", 9)), 422);
        assertThat(fields(unknownRevision)).containsExactly("planRevision");
        post(b, BASE + "/" + id + "/readiness", Map.of("ready", true, "planRevision", 2));
        eventually().untilAsserted(() -> {
            assertThat(participant(get(a, BASE + "/" + id), "NL-NHTC").get("readiness")).isEqualTo("READY");
            assertThat(participant(get(c, BASE + "/" + id), "NL-NHTC").get("readiness")).isEqualTo("READY");
        });

        // A message without the revision (a node of release v1) keeps the earlier behaviour: it counts.
        UUID old = sendReadiness(b, id, false, null);
        eventually().untilAsserted(() -> assertThat(list(get(b, BASE + "/" + id).get("deliveries")))
                .filteredOn(d -> old.toString().equals(d.get("messageId"))).singleElement()
                .satisfies(d -> assertThat((Object) d.get("status")).isEqualTo("APPLIED")));
        assertThat(participant(get(a, BASE + "/" + id), "NL-NHTC").get("readiness")).isEqualTo("NOT_READY");
    }

    @Test
    @Order(6)
    void aLinkedCaseThatCanNoLongerBeSharedIsSkippedVisibly() {
        HttpResponse<Map> createdCase = a.http().exchange(HttpRequest.POST("/api/v1/cases", Map.of(
                "title", "Call centre fraud", "summary", "Fake bank helpdesk", "crimeCategories",
                List.of("RANSOMWARE_EXTORTION"), "handlingMarking", "AMBER")).bearerAuth(a.liaison()), Map.class);
        String caseId = (String) createdCase.body().get("id");
        Map<String, Object> proposal = proposal("Operation Switchboard", Instant.now().plus(40, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.HOURS), "AMBER");
        proposal.put("linkedCases", List.of(caseId));
        proposal.put("shareLinkedCases", true);
        String id = propose(a, proposal);
        // Since the proposal, the case was raised to RED for FR-OFAC only.
        a.http().exchange(HttpRequest.PATCH("/api/v1/cases/" + caseId, Map.of("handlingMarking", "RED",
                "namedRecipients", List.of("FR-OFAC"))).header("If-Match", createdCase.header("ETag"))
                .bearerAuth(a.liaison()), Map.class);
        eventually().untilAsserted(() -> assertThat(status(b, BASE + "/" + id)).isEqualTo(200));

        post(b, BASE + "/" + id + "/participation", Map.of("answer", "ACCEPT"));

        eventually().untilAsserted(() -> assertThat(list(get(a, BASE + "/" + id).get("linkedCases"))).singleElement()
                .satisfies(link -> {
                    assertThat((Object) link.get("caseId")).isEqualTo(caseId);
                    assertThat((Object) link.get("sharedWith")).isEqualTo(List.of());
                    assertThat(list(link.get("skipped"))).singleElement().satisfies(skip -> {
                        assertThat((Object) skip.get("agency")).isEqualTo("NL-NHTC");
                        assertThat((Object) skip.get("reasonCode")).isEqualTo("RED_NOT_NAMED");
                        assertThat((Object) skip.get("reason")).asString().isNotBlank();
                    });
                }));
        assertThat(query(a, "SELECT outcome || ' ' || detail FROM audit_log WHERE action = 'CASE_SHARED'"
                + " AND object_id = ?", caseId)).singleElement().asString()
                .startsWith("DENIED not shared with NL-NHTC (RED_NOT_NAMED").contains(id);
        eventually().untilAsserted(() -> assertThat(eventSteps(a, id)).contains("JOINT_ACTION_UPDATED/CASE_SHARE_SKIPPED"));
        assertThat(appliedDetails(a, id)).contains("NL-NHTC ACCEPTED, 1 linked case(s) could not be shared");
        assertThat(status(b, "/api/v1/cases/" + caseId)).isEqualTo(404);
        // The participant's copy shows the link as before; what was shared is the coordinator's to see.
        assertThat(list(get(b, BASE + "/" + id).get("linkedCases"))).singleElement()
                .satisfies(link -> assertThat(list(link.get("skipped"))).isEmpty());
    }

    private static UUID sendReadiness(TestNode node, String id, boolean ready, Long planRevision) {
        return transactions(node).executeWrite(status -> node.bean(PartnerMessenger.class)
                .send("DE-BKA", "joint-action", UUID.fromString(id), HandlingMarking.GREEN,
                        JointActionReadinessDeclared.newBuilder().setJointActionId(UUID.fromString(id))
                                .setAgency(node.agency()).setReady(ready).setDeclaredAt(Instant.now())
                                .setPlanRevision(planRevision).build(), null, null));
    }

    private static Map<String, Object> proposal(String title, Instant start, String marking) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("objective", "Take down the infrastructure and arrest the administrators");
        body.put("participants", List.of(
                Map.of("agency", "DE-BKA", "role", "COORDINATOR", "tasks", List.of("Command post")),
                Map.of("agency", "NL-NHTC", "role", "PARTICIPANT", "tasks", List.of("Seize the C2 servers"),
                        "targets", List.of("Hoster in Rotterdam")),
                Map.of("agency", "FR-OFAC", "role", "PARTICIPANT")));
        body.put("windowStart", start.toString());
        body.put("windowEnd", start.plus(6, ChronoUnit.HOURS).toString());
        body.put("handlingMarking", marking);
        return body;
    }

    private static String propose(TestNode node, Map<String, Object> proposal) {
        return (String) post(node, BASE, proposal).get("id");
    }

    @SuppressWarnings("unchecked")
    private static TransactionOperations<Connection> transactions(TestNode node) {
        return node.bean(TransactionOperations.class);
    }

    private static ConditionFactory eventually() {
        return await().atMost(FEDERATION_TIMEOUT).pollInterval(Duration.ofMillis(300)).ignoreExceptions();
    }

    private static Map<?, ?> post(TestNode node, String path, Object body) {
        return node.http().retrieve(HttpRequest.POST(path, body).bearerAuth(node.liaison()), Map.class);
    }

    private static Map<?, ?> get(TestNode node, String path) {
        return node.http().retrieve(HttpRequest.GET(path).bearerAuth(node.liaison()), Map.class);
    }

    private static int status(TestNode node, String path) {
        try {
            return node.http().exchange(HttpRequest.GET(path).bearerAuth(node.liaison())).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private static Map<?, ?> expectProblem(TestNode node, MutableHttpRequest<?> request, int status) {
        try {
            node.http().exchange(request.bearerAuth(node.liaison()));
        } catch (HttpClientResponseException e) {
            assertThat(e.getStatus().getCode()).as(e.getResponse().getBody(String.class).orElse("")).isEqualTo(status);
            return e.getResponse().getBody(Map.class).orElseThrow();
        }
        throw new AssertionError(request.getPath() + " was accepted");
    }

    private static List<String> fields(Map<?, ?> problem) {
        return list(problem.get("errors")).stream().map(error -> (String) error.get("field")).toList();
    }

    private static Map<?, ?> participant(Map<?, ?> action, String agency) {
        return list(action.get("participants")).stream().filter(p -> agency.equals(p.get("agency"))).findFirst()
                .orElseThrow();
    }

    private static Map<?, ?> map(Object value) {
        return (Map<?, ?>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> list(Object value) {
        return (List<Map<?, ?>>) value;
    }

    private static String sqlTotals(TestNode node, String id) {
        return query(node, "SELECT (SELECT sum(arrests) FROM joint_action_outcome WHERE action_id = ?::uuid) || '|' ||"
                + " (SELECT string_agg(currency || ':' || total, ',' ORDER BY currency) FROM (SELECT currency,"
                + " sum(amount) AS total FROM joint_action_asset_seizure WHERE action_id = ?::uuid GROUP BY currency) s)",
                id, id).get(0);
    }

    private static List<String> auditActions(TestNode node, String id) {
        return query(node, "SELECT action FROM audit_log WHERE object_type = 'JOINT_ACTION' AND object_id = ?"
                + " ORDER BY sequence_number", id);
    }

    private static List<String> appliedDetails(TestNode node, String id) {
        return query(node, "SELECT detail FROM audit_log WHERE object_type = 'JOINT_ACTION' AND object_id = ?"
                + " AND action = 'PARTNER_UPDATE_APPLIED' ORDER BY sequence_number", id);
    }

    private static List<String> query(TestNode node, String sql, String... parameters) {
        try (Connection connection = node.dataSource().getConnection();
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Event type and step of every domain event the node raised about the action. */
    private static List<String> eventSteps(TestNode node, String id) {
        DomainEventCodec codec = node.bean(DomainEventCodec.class);
        return TopicContents.readAll(KafkaTopics.events(node.agency())).stream()
                .map(r -> codec.decode(r.value()))
                .filter(e -> e.getSubjectId().toString().equals(id))
                .map((DomainEvent e) -> e.getEventType() + "/" + e.getDetails().get("step"))
                .toList();
    }
}
