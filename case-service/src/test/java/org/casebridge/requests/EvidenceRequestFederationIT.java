package org.casebridge.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.casebridge.requests.RequestApi.BASE;
import static org.casebridge.requests.RequestApi.count;
import static org.casebridge.requests.RequestApi.createCase;
import static org.casebridge.requests.RequestApi.draftBody;
import static org.casebridge.requests.RequestApi.errorFields;
import static org.casebridge.requests.RequestApi.events;
import static org.casebridge.requests.RequestApi.get;
import static org.casebridge.requests.RequestApi.list;
import static org.casebridge.requests.RequestApi.map;
import static org.casebridge.requests.RequestApi.post;
import static org.casebridge.requests.RequestApi.problem;

import io.micronaut.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.core.ConditionFactory;
import org.casebridge.events.v1.DomainEvent;
import org.casebridge.events.v1.DomainEventType;
import org.casebridge.requests.app.DeadlineMonitor;
import org.casebridge.security.AdjustableClock;
import org.casebridge.security.domain.Role;
import org.casebridge.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two agency nodes on real PostgreSQL and Kafka: DE-BKA asks NL-NHTC for evidence. Every step travels as a signed
 * message and both nodes end in the same state; time moves through each node's adjustable clock, never by sleeping.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceRequestFederationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Map<String, Object> NODE_SETTINGS = Map.of(
            AdjustableClock.ENABLED, "true",
            // the tests run the monitor themselves, at the instants they choose
            "casebridge.requests.deadline-monitor.initial-delay", "1h",
            "casebridge.requests.deadline-monitor.interval", "1h");

    private TestNode a;
    private TestNode b;
    private String aSupervisor;
    private String bLiaison;

    @BeforeAll
    void startNodes() {
        a = TestNode.start("DE-BKA", org.casebridge.infra.junit.SharedInfrastructure.freshDatabase("DE-BKA"),
                NODE_SETTINGS);
        b = TestNode.start("NL-NHTC", org.casebridge.infra.junit.SharedInfrastructure.freshDatabase("NL-NHTC"),
                NODE_SETTINGS);
        aSupervisor = a.token("sam.supervisor", Role.SUPERVISOR);
        bLiaison = b.liaison();
    }

    @AfterAll
    void stopNodes() {
        for (TestNode node : new TestNode[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void aRequestTravelsItsWholeLifecycleAndBothNodesAgree() {
        String caseId = createCase(a, "Ransomware negotiation portal", "AMBER");
        Map<String, Object> draft = post(a, BASE, draftBody(caseId, "NL-NHTC", "EU_EPOC", "NORMAL"), a.liaison());
        String id = (String) draft.get("id");
        assertThat(draft.get("status")).isEqualTo("DRAFT");
        assertThat((String) draft.get("reference")).startsWith("DE-BKA-ER-");
        assertThat(list(draft.get("items"))).extracting(i -> i.get("type")).containsExactly("IP_ADDRESS", "EMAIL_ADDRESS");

        // Four eyes: an officer who is also a supervisor cannot approve her own draft.
        String both = a.token("lea.both", Role.LIAISON, Role.SUPERVISOR);
        String own = (String) post(a, BASE, draftBody(caseId, "NL-NHTC", "EU_EPOC", "NORMAL"), both).get("id");
        post(a, BASE + "/" + own + "/submit", null, both);
        Map<String, Object> selfApproval = problem(HttpStatus.CONFLICT,
                () -> post(a, BASE + "/" + own + "/approve", null, both));
        assertThat(selfApproval.get("code")).isEqualTo("SELF_APPROVAL");
        // and a supervisor cannot approve a draft that was not submitted
        assertThat(problem(HttpStatus.CONFLICT, () -> post(a, BASE + "/" + id + "/approve", null, aSupervisor))
                .get("code")).isEqualTo("ILLEGAL_TRANSITION");

        post(a, BASE + "/" + id + "/submit", null, a.liaison());
        assertThat(eventTypes(a, id)).contains(DomainEventType.REQUEST_AWAITING_APPROVAL);
        Map<String, Object> approved = post(a, BASE + "/" + id + "/approve", null, aSupervisor);
        assertThat(approved.get("status")).isEqualTo("SENT");
        assertThat(approved.get("approver")).isEqualTo("sam.supervisor");

        // NL-NHTC receives it; its clock starts at its receipt and runs 10 calendar days in Amsterdam.
        Map<String, Object> atB = eventually().until(() -> get(b, BASE + "/" + id),
                r -> "RECEIVED".equals(r.get("status")));
        assertThat(atB.get("direction")).isEqualTo("INBOUND");
        assertThat(atB.get("counterpartAgency")).isEqualTo("DE-BKA");
        assertThat(atB.get("caseReference")).isEqualTo(draft.get("caseReference"));
        // both agencies see the four eyes: who drafted it and who approved it
        assertThat(atB.get("author")).isEqualTo("liaison");
        assertThat(atB.get("approver")).isEqualTo("sam.supervisor");
        Instant receivedAt = Instant.parse((String) atB.get("receivedAt"));
        Map<String, Object> deadline = map(atB.get("nextDeadline"));
        assertThat(deadline.get("milestone")).isEqualTo("EXECUTE");
        Instant due = Instant.parse((String) deadline.get("dueAt"));
        assertThat(due).isEqualTo(receivedAt.atZone(AMSTERDAM).plusDays(10).toInstant());
        DomainEvent received = eventually().until(() -> event(b, id, DomainEventType.REQUEST_RECEIVED), e -> e != null);
        assertThat(received.getCounterpartAgency()).isEqualTo("DE-BKA");
        assertThat(received.getDeadline()).isEqualTo(due);
        assertThat(received.getCaseReference()).isEqualTo(draft.get("caseReference"));
        assertThat(received.getTitle()).contains("DE-BKA").contains((String) draft.get("reference"));

        // The requester sees the same receipt and deadline.
        Map<String, Object> atA = eventually().until(() -> get(a, BASE + "/" + id), r -> "RECEIVED".equals(r.get("status")));
        assertThat(atA.get("receivedAt")).isEqualTo(atB.get("receivedAt"));
        assertThat(map(atA.get("nextDeadline")).get("dueAt")).isEqualTo(deadline.get("dueAt"));

        // NL-NHTC needs information: the clock pauses for as long as the answer takes (two days here).
        post(b, BASE + "/" + id + "/decision", Map.of("decision", "REQUEST_INFORMATION",
                "question", "Which time zone is the timestamp in?"), bLiaison);
        eventually().until(() -> get(a, BASE + "/" + id), r -> "INFORMATION_NEEDED".equals(r.get("status")));
        assertThat(eventTypes(a, id)).contains(DomainEventType.INFORMATION_REQUESTED);
        advanceBoth(Duration.ofDays(2));
        Map<String, Object> pausedAtB = get(b, BASE + "/" + id);
        assertThat(map(pausedAtB.get("nextDeadline")).get("paused")).isEqualTo(true);
        post(a, BASE + "/" + id + "/information", Map.of("information", "UTC, as every CaseBridge time."), a.liaison());
        Map<String, Object> resumed = eventually().until(() -> get(b, BASE + "/" + id),
                r -> "RECEIVED".equals(r.get("status")));
        Map<String, Object> pause = list(resumed.get("pauses")).get(0);
        Duration paused = Duration.between(Instant.parse((String) pause.get("from")), Instant.parse((String) pause.get("to")));
        assertThat(paused).isBetween(Duration.ofDays(2), Duration.ofDays(2).plusMinutes(5));
        assertThat(Instant.parse((String) map(resumed.get("nextDeadline")).get("dueAt"))).isEqualTo(due.plus(paused));
        assertThat(map(resumed.get("nextDeadline")).get("paused")).isEqualTo(false);

        // Accepted, in progress, delivered in two parts with manifests.
        post(b, BASE + "/" + id + "/decision", Map.of("decision", "ACCEPT"), bLiaison);
        post(b, BASE + "/" + id + "/progress", Map.of("note", "Order served on the hoster"), bLiaison);
        String ipItem = (String) list(atB.get("items")).get(0).get("id");
        Map<String, Object> partial = post(b, BASE + "/" + id + "/fulfilment", fulfilment(false, ipItem,
                "Subscriber record", "a".repeat(64)), bLiaison);
        assertThat(partial.get("status")).isEqualTo("PARTIALLY_FULFILLED");
        Map<String, Object> complete = post(b, BASE + "/" + id + "/fulfilment", fulfilment(true, null,
                "Connection logs", "B".repeat(64)), bLiaison);
        assertThat(complete.get("status")).isEqualTo("FULFILLED");

        Map<String, Object> fulfilledAtA = eventually().until(() -> get(a, BASE + "/" + id),
                r -> "FULFILLED".equals(r.get("status")));
        List<Map<String, Object>> manifestsAtA = list(fulfilledAtA.get("manifests"));
        List<Map<String, Object>> manifestsAtB = list(complete.get("manifests"));
        assertThat(manifestsAtA).hasSize(2);
        assertThat(manifestsAtA).extracting(m -> m.get("verification")).containsOnly("INTACT");
        assertThat(manifestsAtA).extracting(m -> m.get("storedCheck")).containsOnly("INTACT");
        // both agencies computed the same manifest hashes
        assertThat(manifestsAtA).extracting(m -> m.get("sha256"))
                .containsExactlyElementsOf(manifestsAtB.stream().map(m -> m.get("sha256")).toList());
        Map<String, Object> evidence = list(manifestsAtA.get(1).get("items")).get(0);
        assertThat(evidence.get("sha256")).isEqualTo("b".repeat(64));
        assertThat(list(evidence.get("custody"))).extracting(c -> c.get("origin")).containsExactly("MANIFEST", "MANIFEST", "LOCAL");
        assertThat(list(list(manifestsAtA.get(0).get("items")).get(0).get("custody")).get(0).get("handledBy"))
                .isEqualTo("j.devries@NL-NHTC");
        assertThat(fulfilledAtA.get("manifestMismatch")).isEqualTo(false);
        assertThat(eventTypes(a, id)).contains(DomainEventType.REQUEST_DECIDED, DomainEventType.REQUEST_FULFILLED);

        // The files came over SIENA: the requesting officer checks each one against its manifest item.
        String manifestPath = BASE + "/" + id + "/manifests/" + manifestsAtA.get(1).get("id") + "/check";
        String evidenceId = (String) evidence.get("evidenceId");
        Map<String, Object> intact = post(a, manifestPath, Map.of("evidenceId", evidenceId, "sizeBytes", 18_432,
                "sha256", "B".repeat(64)), a.liaison());
        assertThat(intact.get("result")).isEqualTo("INTACT");
        assertThat(list(intact.get("discrepancies"))).isEmpty();
        Map<String, Object> mismatch = post(a, manifestPath, Map.of("evidenceId", evidenceId, "sizeBytes", 18_431,
                "sha256", "c".repeat(64)), a.liaison());
        assertThat(mismatch.get("result")).isEqualTo("MISMATCH");
        assertThat(list(mismatch.get("discrepancies"))).extracting(d -> d.get("field"))
                .containsExactly("items[0].sizeBytes", "items[0].sha256");
        List<Map<String, Object>> checkedCustody = list(list(list(get(a, BASE + "/" + id).get("manifests")).get(1)
                .get("items")).get(0).get("custody"));
        assertThat(checkedCustody).extracting(c -> c.get("origin"))
                .containsExactly("MANIFEST", "MANIFEST", "LOCAL", "LOCAL", "LOCAL");
        assertThat(checkedCustody.get(3).get("handledBy")).isEqualTo("liaison@DE-BKA");
        assertThat((String) checkedCustody.get(3).get("note")).endsWith("INTACT");
        assertThat((String) checkedCustody.get(4).get("note")).endsWith("MISMATCH");
        assertThat(count(a, "SELECT count(*) FROM audit_log WHERE object_id = ? AND detail LIKE 'file check of manifest%'",
                id)).isEqualTo(2);
        // a file check names what is wrong; the producer cannot check on the requester's behalf
        assertThat(errorFields(problem(HttpStatus.BAD_REQUEST, () -> post(a, manifestPath, Map.of("evidenceId",
                evidenceId, "sizeBytes", -1, "sha256", "xyz"), a.liaison())))).contains("sizeBytes", "sha256");
        assertThat(errorFields(problem(HttpStatus.UNPROCESSABLE_ENTITY, () -> post(a, manifestPath, Map.of("evidenceId",
                UUID.randomUUID().toString(), "sizeBytes", 1, "sha256", "a".repeat(64)), a.liaison()))))
                .containsExactly("evidenceId");
        assertThat(problem(HttpStatus.NOT_FOUND, () -> post(a, BASE + "/" + id + "/manifests/" + UUID.randomUUID()
                + "/check", Map.of("evidenceId", evidenceId, "sizeBytes", 1, "sha256", "a".repeat(64)), a.liaison()))
                .get("status")).isEqualTo(404);
        assertThat(problem(HttpStatus.CONFLICT, () -> post(b, manifestPath, Map.of("evidenceId", evidenceId,
                "sizeBytes", 1, "sha256", "a".repeat(64)), bLiaison)).get("code")).isEqualTo("NOT_THE_REQUESTER");

        // The requester closes; the closing reaches NL-NHTC, and both histories tell the same story from approval.
        Map<String, Object> closed = post(a, BASE + "/" + id + "/close", Map.of("note", "Evidence checked"), a.liaison());
        assertThat(closed.get("status")).isEqualTo("CLOSED");
        assertThat(closed.get("nextDeadline")).isNull();
        List<String> transitionsAtA = list(closed.get("history")).stream().map(h -> (String) h.get("transition")).toList();
        assertThat(transitionsAtA).containsExactly("SUBMIT", "APPROVE", "RECEIVE", "ASK_INFORMATION",
                "PROVIDE_INFORMATION", "ACCEPT", "NOTE_PROGRESS", "FULFIL_PARTIALLY", "FULFIL", "CLOSE");
        Map<String, Object> closedAtB = eventually().until(() -> get(b, BASE + "/" + id),
                r -> "CLOSED".equals(r.get("status")));
        assertThat(closedAtB.get("nextDeadline")).isNull();
        List<Map<String, Object>> historyAtB = list(closedAtB.get("history"));
        List<String> transitionsAtB = historyAtB.stream().map(h -> (String) h.get("transition")).toList();
        assertThat(transitionsAtB).containsExactlyElementsOf(transitionsAtA.subList(1, transitionsAtA.size()));
        Map<String, Object> closingAtB = historyAtB.get(historyAtB.size() - 1);
        assertThat(closingAtB.get("note")).isEqualTo("Evidence checked");
        assertThat(closingAtB.get("by")).isEqualTo("liaison@DE-BKA");
        assertThat(closingAtB.get("side")).isEqualTo("REQUESTING");
        DomainEvent closedEvent = eventually().until(() -> event(b, id, DomainEventType.REQUEST_CLOSED), e -> e != null);
        assertThat(closedEvent.getActor()).isEqualTo("liaison@DE-BKA");
        assertThat(closedEvent.getDetails()).containsEntry("status", "CLOSED");
        assertThat(count(b, "SELECT count(*) FROM audit_log WHERE object_id = ? AND action = 'REQUEST_UPDATED'"
                + " AND detail LIKE '%closed by DE-BKA%'", id)).isEqualTo(1);
        assertThat(count(b, "SELECT count(*) FROM evidence_request WHERE id = ?::uuid AND closed_at IS NOT NULL", id))
                .isEqualTo(1);

        // Every message was applied by the partner, and every step is in the audit log.
        eventually().untilAsserted(() -> assertThat(count(a, "SELECT count(*) FROM message_delivery WHERE"
                + " aggregateid = ? AND status <> 'APPLIED'", id)).isZero());
        assertThat(count(a, "SELECT count(*) FROM message_delivery WHERE aggregateid = ?", id)).isEqualTo(3);
        assertThat(count(b, "SELECT count(*) FROM message_delivery WHERE aggregateid = ? AND status = 'APPLIED'", id))
                .isEqualTo(6);
        assertThat(count(a, "SELECT count(DISTINCT action) FROM audit_log WHERE object_id = ? AND action IN"
                + " ('REQUEST_CREATED', 'REQUEST_UPDATED', 'REQUEST_APPROVED', 'REQUEST_SENT', 'REQUEST_RECEIVED',"
                + " 'REQUEST_ANSWERED')", id)).isEqualTo(6);
        // milestones for statistics
        assertThat(count(a, "SELECT count(*) FROM evidence_request WHERE id = ?::uuid AND sent_at IS NOT NULL"
                + " AND received_at IS NOT NULL AND decided_at IS NOT NULL AND fulfilled_at IS NOT NULL"
                + " AND closed_at IS NOT NULL AND response_due_at IS NOT NULL AND paused_seconds >= 172800", id))
                .isEqualTo(1);
    }

    @Test
    void aRefusalNamesItsGroundAndAWithdrawalReachesThePartner() {
        String caseId = createCase(a, "Phishing kit marketplace", "GREEN");
        String refusedId = sendRequest(caseId, "EU_EPOC", "URGENT");
        eventually().until(() -> get(b, BASE + "/" + refusedId), r -> "RECEIVED".equals(r.get("status")));
        Map<String, Object> missingGround = problem(HttpStatus.UNPROCESSABLE_ENTITY, () -> post(b,
                BASE + "/" + refusedId + "/decision", Map.of("decision", "REFUSE"), bLiaison));
        assertThat(RequestApi.errorFields(missingGround)).containsExactly("ground");
        post(b, BASE + "/" + refusedId + "/decision", Map.of("decision", "REFUSE", "ground", "NO_DUAL_CRIMINALITY",
                "explanation", "Not an offence here"), bLiaison);
        Map<String, Object> refused = eventually().until(() -> get(a, BASE + "/" + refusedId),
                r -> "REFUSED".equals(r.get("status")));
        assertThat(map(refused.get("refusal"))).containsEntry("ground", "NO_DUAL_CRIMINALITY")
                .containsEntry("detail", "Not an offence here");
        DomainEvent decided = event(a, refusedId, DomainEventType.REQUEST_DECIDED);
        assertThat(decided.getTitle()).contains("refused").contains("NO_DUAL_CRIMINALITY");

        String withdrawnId = sendRequest(caseId, "EU_EPOC", "NORMAL");
        eventually().until(() -> get(a, BASE + "/" + withdrawnId), r -> "RECEIVED".equals(r.get("status")));
        post(a, BASE + "/" + withdrawnId + "/withdraw", Map.of("reason", "Suspect identified otherwise"), a.liaison());
        Map<String, Object> withdrawn = eventually().until(() -> get(b, BASE + "/" + withdrawnId),
                r -> "WITHDRAWN".equals(r.get("status")));
        assertThat(withdrawn.get("nextDeadline")).isNull();
        eventually().untilAsserted(() -> assertThat(eventTypes(b, withdrawnId)).contains(DomainEventType.REQUEST_WITHDRAWN));
    }

    @Test
    void everyStepTheLifecycleOrTheSideDoesNotAllowIsAConflict() {
        String caseId = createCase(a, "Carding forum", "GREEN");
        String id = sendRequest(caseId, "EU_EPOC", "NORMAL");
        eventually().until(() -> get(a, BASE + "/" + id), r -> "RECEIVED".equals(r.get("status")));
        // the requester cannot decide, deliver or note progress; it cannot close what is not fulfilled
        for (String[] step : new String[][] {
                {"decision", "{\"decision\":\"ACCEPT\"}"},
                {"progress", "{\"note\":\"x\"}"},
                {"close", "{}"},
                {"information", "{\"information\":\"unasked\"}"}}) {
            Map<String, Object> conflict = problem(HttpStatus.CONFLICT, () -> post(a, BASE + "/" + id + "/" + step[0],
                    step[1], a.liaison()));
            assertThat(conflict.get("code")).as(step[0]).isEqualTo("ILLEGAL_TRANSITION");
        }
        // the requested side cannot withdraw, submit, or deliver before accepting
        assertThat(problem(HttpStatus.CONFLICT, () -> post(b, BASE + "/" + id + "/withdraw",
                Map.of("reason", "no"), bLiaison)).get("code")).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(problem(HttpStatus.CONFLICT, () -> post(b, BASE + "/" + id + "/fulfilment",
                fulfilment(true, null, "Early", "c".repeat(64)), bLiaison)).get("code")).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(problem(HttpStatus.CONFLICT, () -> post(b, BASE + "/" + id + "/extension",
                Map.of("extension", "P30D"), bLiaison)).get("code")).isEqualTo("ILLEGAL_TRANSITION");
        // nothing changed on either side
        assertThat(get(a, BASE + "/" + id).get("status")).isEqualTo("RECEIVED");
        assertThat(get(b, BASE + "/" + id).get("status")).isEqualTo("RECEIVED");
    }

    @Test
    void aPreservationIsExtendedWithinTheInstrumentsLimitsOnBothSides() {
        String caseId = createCase(a, "Bulletproof hoster", "GREEN");
        String id = sendRequest(caseId, "EU_EPOC_PR", "NORMAL");
        Map<String, Object> atB = eventually().until(() -> get(b, BASE + "/" + id), r -> "RECEIVED".equals(r.get("status")));
        Instant receivedAt = Instant.parse((String) atB.get("receivedAt"));
        Instant expiry = receivedAt.atZone(AMSTERDAM).plusDays(60).toInstant();
        assertThat(Instant.parse((String) atB.get("preservationExpiresAt"))).isEqualTo(expiry);
        post(b, BASE + "/" + id + "/decision", Map.of("decision", "ACCEPT"), bLiaison);
        eventually().until(() -> get(a, BASE + "/" + id), r -> "ACCEPTED".equals(r.get("status")));

        Map<String, Object> tooLong = problem(HttpStatus.UNPROCESSABLE_ENTITY, () -> post(a,
                BASE + "/" + id + "/extension", Map.of("extension", "P45D"), a.liaison()));
        assertThat(tooLong.get("code")).isEqualTo("EXTENSION_TOO_LONG");
        Map<String, Object> extended = post(a, BASE + "/" + id + "/extension", Map.of("extension", "P30D",
                "note", "Production order on its way"), a.liaison());
        Instant newExpiry = expiry.atZone(AMSTERDAM).plusDays(30).toInstant();
        assertThat(Instant.parse((String) extended.get("preservationExpiresAt"))).isEqualTo(newExpiry);
        eventually().until(() -> get(b, BASE + "/" + id), r -> newExpiry.toString().equals(
                Instant.parse((String) r.get("preservationExpiresAt")).toString()) && Integer.valueOf(1)
                .equals(r.get("extensionsUsed")));
        // EU_EPOC_PR allows one extension
        assertThat(problem(HttpStatus.CONFLICT, () -> post(a, BASE + "/" + id + "/extension",
                Map.of("extension", "P10D"), a.liaison())).get("code")).isEqualTo("EXTENSION_LIMIT_REACHED");
    }

    @Test
    void theMonitorAnnouncesEachThresholdOnceEvenWhenRunsRaceOrTheNodeRestarts() throws Exception {
        String caseId = createCase(a, "Hospital extortion", "AMBER");
        String id = sendRequest(caseId, "EU_EPOC", "EMERGENCY");
        eventually().until(() -> get(b, BASE + "/" + id), r -> "RECEIVED".equals(r.get("status")));
        eventually().until(() -> get(a, BASE + "/" + id), r -> "RECEIVED".equals(r.get("status")));
        DeadlineMonitor monitor = b.bean(DeadlineMonitor.class);
        UUID requestId = UUID.fromString(id);

        monitor.check();
        assertThat(ledger(b, requestId)).isZero();

        // 8 hours to execute; approaching at 75 %, i.e. after 6 hours
        advanceBoth(Duration.ofHours(6).plusMinutes(5));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Integer>> runs = List.of(monitor::check, monitor::check, monitor::check);
            int raised = 0;
            for (Future<Integer> run : pool.invokeAll(runs)) {
                raised += run.get();
            }
            assertThat(raised).isGreaterThanOrEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(ledger(b, requestId, "APPROACHING")).isEqualTo(1);
        assertThat(ledger(b, requestId, "OVERDUE")).isZero();

        // a second instance of the node on the same database (as after a restart, or scaled out) raises nothing
        // again, and when both cross the next threshold at once only one of them announces it
        TestNode secondB = TestNode.start("NL-NHTC", b.database(), NODE_SETTINGS);
        try {
            secondB.bean(AdjustableClock.class).advance(Duration.ofHours(6).plusMinutes(5));
            DeadlineMonitor other = secondB.bean(DeadlineMonitor.class);
            assertThat(other.check()).isZero();
            assertThat(ledger(b, requestId)).isEqualTo(1);

            advanceBoth(Duration.ofHours(2));
            secondB.bean(AdjustableClock.class).advance(Duration.ofHours(2));
            ExecutorService instances = Executors.newFixedThreadPool(2);
            try {
                int raised = 0;
                for (Future<Integer> run : instances.invokeAll(List.<Callable<Integer>>of(monitor::check,
                        other::check))) {
                    raised += run.get();
                }
                assertThat(raised).isEqualTo(1);
            } finally {
                instances.shutdown();
            }
        } finally {
            secondB.close();
        }
        assertThat(ledger(b, requestId, "OVERDUE")).isEqualTo(1);
        assertThat(ledger(b, requestId)).isEqualTo(2);
        assertThat(monitor.check()).isZero();

        eventually().untilAsserted(() -> {
            List<DomainEvent> alerts = events(b, id).stream().filter(e -> e.getEventType()
                    == DomainEventType.DEADLINE_APPROACHING || e.getEventType() == DomainEventType.DEADLINE_OVERDUE)
                    .toList();
            assertThat(alerts).extracting(DomainEvent::getEventType).containsExactly(
                    DomainEventType.DEADLINE_APPROACHING, DomainEventType.DEADLINE_OVERDUE);
            assertThat(alerts.get(0).getCounterpartAgency()).isEqualTo("DE-BKA");
            assertThat(alerts.get(0).getDeadline()).isNotNull();
            assertThat(alerts.get(0).getTitle()).startsWith("Deadline approaching");
            assertThat(alerts.get(1).getTitle()).startsWith("Overdue");
        });
        // the requester's node watches the same clock and warns its own officers, once
        a.bean(DeadlineMonitor.class).check();
        a.bean(DeadlineMonitor.class).check();
        assertThat(ledger(a, requestId)).isEqualTo(2);
        Map<String, Object> overdue = get(b, BASE + "/" + id);
        assertThat(map(overdue.get("nextDeadline")).get("overdue")).isEqualTo(true);
        assertThat(list(overdue.get("notifications"))).hasSize(2);
    }

    @Test
    void theListFiltersAndPutsTheSoonestDeadlineFirst() {
        String caseId = createCase(a, "Crypto drainer", "GREEN");
        String normal = sendRequest(caseId, "EU_EPOC", "NORMAL");
        String emergency = sendRequest(caseId, "EU_EPOC", "EMERGENCY");
        eventually().until(() -> get(b, BASE + "/" + normal), r -> "RECEIVED".equals(r.get("status")));
        eventually().until(() -> get(b, BASE + "/" + emergency), r -> "RECEIVED".equals(r.get("status")));
        Map<String, Object> page = get(b, BASE + "?direction=INBOUND&status=RECEIVED&partner=DE-BKA&instrument=EU_EPOC");
        List<String> ids = list(page.get("items")).stream().map(r -> (String) r.get("id")).toList();
        assertThat(ids).contains(normal, emergency);
        assertThat(ids.indexOf(emergency)).isLessThan(ids.indexOf(normal));
        Map<String, Object> urgentOnly = get(b, BASE + "?urgency=EMERGENCY&dueBefore="
                + Instant.now().plus(Duration.ofDays(400)));
        assertThat(list(urgentOnly.get("items"))).extracting(r -> r.get("urgency")).containsOnly("EMERGENCY");
        assertThat(list(get(b, BASE + "?direction=OUTBOUND").get("items"))).isEmpty();
        Map<String, Object> row = list(page.get("items")).get(0);
        assertThat(map(row.get("nextDeadline"))).containsKeys("dueAt", "timeLeft", "timeLeftSeconds");
    }

    @Test
    void anUrgentInformationRequestTravelsWithItsAccessibilityWhichSetsTheClockAtTheRequestedNode() {
        String caseId = createCase(a, "Phishing kit seller", "AMBER");
        Map<String, Object> body = new java.util.LinkedHashMap<>(draftBody(caseId, "NL-NHTC", "EU_2023_977", "URGENT"));
        body.put("accessibility", "INDIRECT");
        String id = (String) post(a, BASE, body, a.liaison()).get("id");
        post(a, BASE + "/" + id + "/submit", null, a.liaison());
        post(a, BASE + "/" + id + "/approve", null, aSupervisor);

        Map<String, Object> atB = eventually().until(() -> get(b, BASE + "/" + id),
                r -> "RECEIVED".equals(r.get("status")));

        assertThat(atB.get("accessibility")).isEqualTo("INDIRECT");
        assertThat(atB.get("author")).isEqualTo("liaison");
        assertThat(atB.get("approver")).isEqualTo("sam.supervisor");
        // Art. 5(1) of Directive (EU) 2023/977: an urgent request for indirectly accessible data, 3 calendar days
        Map<String, Object> deadline = map(atB.get("nextDeadline"));
        assertThat(deadline.get("milestone")).isEqualTo("RESPOND");
        assertThat(Instant.parse((String) deadline.get("dueAt"))).isEqualTo(Instant.parse((String) atB.get("receivedAt"))
                .atZone(AMSTERDAM).plusDays(3).toInstant());
        Map<String, Object> atA = get(a, BASE + "/" + id);
        assertThat(atA.get("author")).isEqualTo("liaison");
        assertThat(atA.get("approver")).isEqualTo("sam.supervisor");
    }

    private String sendRequest(String caseId, String instrument, String urgency) {
        String id = (String) post(a, BASE, draftBody(caseId, "NL-NHTC", instrument, urgency), a.liaison()).get("id");
        post(a, BASE + "/" + id + "/submit", null, a.liaison());
        post(a, BASE + "/" + id + "/approve", null, aSupervisor);
        return id;
    }

    private static Map<String, Object> fulfilment(boolean complete, String requestItemId, String description,
                                                  String sha256) {
        Map<String, Object> item = new java.util.LinkedHashMap<>();
        if (requestItemId != null) {
            item.put("requestItemId", requestItemId);
        }
        item.put("description", description);
        item.put("mediaType", "text/csv");
        item.put("sizeBytes", 18_432);
        item.put("sha256", sha256);
        item.put("acquiredAt", "2026-03-05T09:00:00Z");
        item.put("acquisitionMethod", "Export from the hoster's subscriber database");
        item.put("custody", List.of(
                Map.of("handledBy", "j.devries@NL-NHTC", "at", "2026-03-05T09:05:00Z", "action", "COLLECTED"),
                Map.of("handledBy", "evidence-store", "at", "2026-03-05T09:30:00Z", "action", "STORED",
                        "note", "vault 3")));
        return Map.of("complete", complete, "items", List.of(item), "deliveryChannel", "SIENA",
                "deliveryReference", "SIENA-2026-4411");
    }

    private void advanceBoth(Duration duration) {
        a.bean(AdjustableClock.class).advance(duration);
        b.bean(AdjustableClock.class).advance(duration);
    }

    private static long ledger(TestNode node, UUID requestId) {
        return count(node, "SELECT count(*) FROM deadline_notification WHERE request_id = ?", requestId);
    }

    private static long ledger(TestNode node, UUID requestId, String threshold) {
        return count(node, "SELECT count(*) FROM deadline_notification WHERE request_id = ? AND threshold = ?",
                requestId, threshold);
    }

    private static DomainEvent event(TestNode node, String id, DomainEventType type) {
        return events(node, id).stream().filter(e -> e.getEventType() == type).findFirst().orElse(null);
    }

    private static List<DomainEventType> eventTypes(TestNode node, String id) {
        List<DomainEventType> types = new ArrayList<>();
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> !events(node, id).isEmpty());
        events(node, id).forEach(e -> types.add(e.getEventType()));
        return types;
    }

    private static ConditionFactory eventually() {
        return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(300)).ignoreExceptions();
    }
}
