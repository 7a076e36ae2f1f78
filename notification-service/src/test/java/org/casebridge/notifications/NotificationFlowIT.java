package org.casebridge.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casebridge.events.v1.DomainEvent;
import org.casebridge.events.v1.DomainEventType;
import org.casebridge.events.v1.SubjectKind;
import org.casebridge.infra.DatabaseCoordinates;
import org.casebridge.infra.junit.NodeTestProperties;
import org.casebridge.infra.junit.SharedInfrastructure;
import org.casebridge.messages.v1.HandlingMarking;
import org.casebridge.notifications.delivery.app.EmailDispatcher;
import org.casebridge.notifications.inapp.persistence.NotificationStore;
import org.casebridge.notifications.rules.persistence.PreferenceStore;
import org.casebridge.notifications.testkit.CaseServiceProcess;
import org.casebridge.notifications.testkit.Json;
import org.casebridge.notifications.testkit.Mailbox;
import org.casebridge.notifications.testkit.NotificationNode;
import org.casebridge.notifications.testkit.SseClient;
import org.casebridge.notifications.testkit.WebhookReceiver;
import org.casebridge.notifications.webhooks.domain.WebhookSignature;
import org.casebridge.schema.KafkaHeaders;
import org.casebridge.schema.KafkaTopics;
import org.casebridge.schema.codec.DomainEventCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The notification-service of NL-NHTC on real PostgreSQL, Kafka and SMTP, beside real case-services of DE-BKA and
 * NL-NHTC (forked from their runnable jar): tokens come from the case-service's login, recipients from its user
 * directory, and the case events from a real share between the two nodes. Events the case-service does not emit yet
 * are produced onto the events topic with the contract's codec.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationFlowIT {

    private static final String NL = "NL-NHTC";
    private static final String DE = "DE-BKA";
    private static final String NL_LIAISON_MAIL = "liaison@nl-nhtc.casebridge.test";
    private static final String NL_SUPERVISOR_MAIL = "supervisor@nl-nhtc.casebridge.test";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final DomainEventCodec codec = DomainEventCodec.create();
    private CaseServiceProcess nlCases;
    private CaseServiceProcess deCases;
    private Mailbox mailbox;
    private Map<String, Object> nodeProperties;
    private NotificationNode node;
    private KafkaProducer<String, byte[]> producer;
    private String liaison;
    private String supervisor;
    private String admin;

    @BeforeAll
    void startNodes() {
        SharedInfrastructure.get();
        CompletableFuture<CaseServiceProcess> nl = CompletableFuture.supplyAsync(() -> CaseServiceProcess.start(NL)
                .awaitHealthy(Duration.ofMinutes(3)));
        CompletableFuture<CaseServiceProcess> de = CompletableFuture.supplyAsync(() -> CaseServiceProcess.start(DE)
                .awaitHealthy(Duration.ofMinutes(3)));
        nlCases = nl.join();
        deCases = de.join();
        mailbox = Mailbox.start();
        DatabaseCoordinates database = SharedInfrastructure.freshDatabase("nl_nhtc_notify");
        nodeProperties = NotificationNode.properties(NL, database,
                NL + ".notification-service.it-" + UUID.randomUUID(), nlCases, mailbox.port());
        node = NotificationNode.start(nodeProperties);
        Properties kafka = new Properties();
        kafka.putAll(NodeTestProperties.kafkaClientProperties(NL));
        producer = new KafkaProducer<>(kafka, new StringSerializer(), new ByteArraySerializer());
        liaison = nlCases.login("liaison");
        supervisor = nlCases.login("supervisor");
        admin = nlCases.login("admin");
    }

    @AfterAll
    void stopNodes() {
        for (AutoCloseable closeable : new AutoCloseable[] {producer, node, mailbox, nlCases, deCases}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // best effort
            }
        }
    }

    @Test
    @Order(1)
    void caseSharedByAPartnerReachesTheStreamTheMailboxAndAWebhook() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(0)) {
            JsonNode webhook = registerWebhook(receiver.url(), List.of("CASE_SHARED_WITH_US"));
            String secret = webhook.get("secret").asText();
            String ticket = Json.field(node.send("POST", "/api/v1/notifications/stream-tickets", liaison, null).body(),
                    "ticket");
            try (SseClient stream = new SseClient(node.url() + "/api/v1/notifications/stream?ticket=" + ticket)) {
                await().atMost(PATIENCE).until(() -> !stream.events("ready").isEmpty());

                String title = "Botnet takedown " + UUID.randomUUID().toString().substring(0, 8);
                String deLiaison = deCases.login("liaison");
                HttpResponse<String> created = deCases.send("POST", "/api/v1/cases", deLiaison, Json.write(Map.of(
                        "title", title, "summary", "Shared with the Dutch unit",
                        "crimeCategories", List.of("RANSOMWARE_EXTORTION"), "priority", "HIGH",
                        "handlingMarking", "GREEN")));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                String caseId = Json.field(created.body(), "id");
                HttpResponse<String> shared = deCases.send("POST", "/api/v1/cases/" + caseId + "/shares", deLiaison,
                        Json.write(Map.of("agency", NL)));
                assertThat(shared.statusCode()).as(shared.body()).isEqualTo(201);

                await().atMost(PATIENCE).until(() -> stream.events("notification").stream()
                        .anyMatch(e -> e.data().contains(title)));
                JsonNode live = Json.parse(stream.events("notification").stream()
                        .filter(e -> e.data().contains(title)).findFirst().orElseThrow().data());
                assertThat(live.get("eventType").asText()).isEqualTo("CASE_SHARED_WITH_US");
                assertThat(live.get("counterpartAgency").asText()).isEqualTo(DE);
                assertThat(live.get("read").asBoolean()).isFalse();

                await().atMost(PATIENCE).until(() -> mailbox.mailsTo(NL_LIAISON_MAIL).stream()
                        .anyMatch(mail -> mail.subject().contains(title)));
                Mailbox.Mail mail = mailbox.mailsTo(NL_LIAISON_MAIL).stream()
                        .filter(m -> m.subject().contains(title)).findFirst().orElseThrow();
                assertThat(mail.to()).containsExactly(NL_LIAISON_MAIL);
                assertThat(mail.text()).contains("Hello Demo liaison (NL-NHTC)", "Partner: DE-BKA",
                        "http://console.test/notifications/" + live.get("id").asText());
                assertThat(mail.html()).contains("<a href=\"http://console.test/notifications/" + live.get("id").asText());
                // Cases shared with the agency are a liaison's default, not a supervisor's.
                assertThat(mailbox.mailsTo(NL_SUPERVISOR_MAIL)).noneMatch(m -> m.subject().contains(title));

                await().atMost(PATIENCE).until(() -> receiver.calls().stream()
                        .anyMatch(call -> new String(call.body(), StandardCharsets.UTF_8).contains(title)));
                WebhookReceiver.Call call = receiver.calls().stream()
                        .filter(c -> new String(c.body(), StandardCharsets.UTF_8).contains(title)).findFirst()
                        .orElseThrow();
                assertThat(WebhookSignature.verify(secret, call.signature(), call.body(),
                        Instant.now().getEpochSecond(), 300)).isTrue();
                assertThat(WebhookSignature.verify(secret + "x", call.signature(), call.body(),
                        Instant.now().getEpochSecond(), 300)).isFalse();
                JsonNode payload = Json.parse(new String(call.body(), StandardCharsets.UTF_8));
                assertThat(payload.get("eventType").asText()).isEqualTo("CASE_SHARED_WITH_US");
                assertThat(payload.get("disclosure").asText()).isEqualTo("FULL");
            }
        }
    }

    @Test
    @Order(2)
    void anEventReadTwiceNotifiesOnce() {
        DomainEvent event = event(DomainEventType.REQUEST_RECEIVED, UUID.randomUUID(), null,
                "Request received " + UUID.randomUUID(), HandlingMarking.GREEN);
        produce(event);
        produce(event);
        DomainEvent marker = event(DomainEventType.REQUEST_RECEIVED, UUID.randomUUID(), null,
                "Marker " + UUID.randomUUID(), HandlingMarking.GREEN);
        produce(marker);

        await().atMost(PATIENCE).until(() -> titles(liaison).contains(marker.getTitle()));
        await().atMost(PATIENCE).until(() -> mailbox.mailsTo(NL_LIAISON_MAIL).stream()
                .anyMatch(mail -> mail.subject().contains(marker.getTitle())));
        assertThat(titles(liaison)).filteredOn(event.getTitle()::equals).hasSize(1);
        assertThat(mailbox.mailsTo(NL_LIAISON_MAIL)).filteredOn(m -> m.subject().contains(event.getTitle())).hasSize(1);
    }

    @Test
    @Order(3)
    void roleDefaultsAndFollowingDecideWhoHears() {
        UUID request = UUID.randomUUID();
        // The liaison drafts a request: the supervisor is asked to approve; the liaison now follows the request.
        DomainEvent awaiting = event(DomainEventType.REQUEST_AWAITING_APPROVAL, request, "liaison",
                "Request awaits approval " + request, HandlingMarking.AMBER);
        produce(awaiting);
        DomainEvent decided = event(DomainEventType.REQUEST_DECIDED, request, null,
                "DE-BKA accepted request " + request, HandlingMarking.AMBER);
        produce(decided);
        DomainEvent overdue = event(DomainEventType.DEADLINE_OVERDUE, request, null,
                "Request overdue " + request, HandlingMarking.AMBER);
        produce(overdue);

        await().atMost(PATIENCE).until(() -> titles(supervisor).contains(overdue.getTitle())
                && titles(liaison).contains(overdue.getTitle()));
        assertThat(titles(supervisor)).contains(awaiting.getTitle()).doesNotContain(decided.getTitle());
        assertThat(titles(liaison)).contains(decided.getTitle()).doesNotContain(awaiting.getTitle());

        // Muting a type wins over following.
        HttpResponse<String> muted = node.send("PUT", "/api/v1/subscriptions/event-types/INFORMATION_REQUESTED",
                liaison, "{\"choice\":\"MUTE\"}");
        assertThat(muted.statusCode()).as(muted.body()).isEqualTo(200);
        DomainEvent info = event(DomainEventType.INFORMATION_REQUESTED, request, null, "More information " + request,
                HandlingMarking.AMBER);
        produce(info);
        DomainEvent marker = event(DomainEventType.REQUEST_FULFILLED, request, null, "Fulfilled " + request,
                HandlingMarking.AMBER);
        produce(marker);
        await().atMost(PATIENCE).until(() -> titles(liaison).contains(marker.getTitle()));
        assertThat(titles(liaison)).doesNotContain(info.getTitle());
        JsonNode subscriptions = Json.parse(node.send("GET", "/api/v1/subscriptions", liaison, null).body());
        assertThat(subscriptions.get("follows").toString()).contains(request.toString());
    }

    @Test
    @Order(4)
    void mailAboutARedSubjectSaysOnlyThatThereIsSomethingToRead() {
        String secretTitle = "Undercover operation " + UUID.randomUUID();
        DomainEvent red = event(DomainEventType.REQUEST_RECEIVED, UUID.randomUUID(), null, secretTitle,
                HandlingMarking.RED);
        produce(red);
        await().atMost(PATIENCE).until(() -> titles(liaison).contains(secretTitle));
        String notificationId = StreamSupport.stream(page(liaison).get("items").spliterator(), false)
                .filter(item -> item.get("title").asText().equals(secretTitle)).findFirst().orElseThrow()
                .get("id").asText();
        await().atMost(PATIENCE).until(() -> mailbox.mailsTo(NL_LIAISON_MAIL).stream()
                .anyMatch(mail -> mail.text().contains(notificationId)));
        Mailbox.Mail mail = mailbox.mailsTo(NL_LIAISON_MAIL).stream()
                .filter(m -> m.text().contains(notificationId)).findFirst().orElseThrow();
        assertThat(mail.subject() + mail.text() + mail.html()).doesNotContain("Undercover", "TLP:RED");
        assertThat(mail.text()).contains("open the console");
    }

    @Test
    @Order(5)
    void aPoisonEventIsDeadLetteredAndTheConsumerCarriesOn() throws Exception {
        String key = UUID.randomUUID().toString();
        producer.send(new ProducerRecord<>(KafkaTopics.events(NL), key,
                "not an event".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        DomainEvent after = event(DomainEventType.REQUEST_RECEIVED, UUID.randomUUID(), null,
                "After the poison " + UUID.randomUUID(), HandlingMarking.GREEN);
        produce(after);
        await().atMost(PATIENCE).until(() -> titles(liaison).contains(after.getTitle()));

        ConsumerRecord<String, byte[]> letter = await().atMost(PATIENCE).until(() -> deadLetter(key), r -> r != null);
        assertThat(header(letter, KafkaHeaders.DLT_REASON)).isEqualTo("BAD_MAGIC");
        assertThat(header(letter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(KafkaTopics.events(NL));
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("not an event");
    }

    @Test
    @Order(6)
    void aWebhookReceiverThatIsDownIsRetriedUntilItAnswers() {
        try (WebhookReceiver receiver = WebhookReceiver.start(2)) {
            JsonNode webhook = registerWebhook(receiver.url(), List.of("JOINT_ACTION_UPDATED"));
            String secret = webhook.get("secret").asText();
            produce(event(DomainEventType.JOINT_ACTION_UPDATED, UUID.randomUUID(), null, "Plan updated",
                    HandlingMarking.AMBER));
            await().atMost(PATIENCE).until(() -> receiver.calls().stream().anyMatch(call -> call.answered() == 204));
            List<WebhookReceiver.Call> calls = receiver.calls();
            assertThat(calls).extracting(WebhookReceiver.Call::answered).containsExactly(503, 503, 204);
            assertThat(calls).extracting(WebhookReceiver.Call::delivery).containsOnly(calls.get(0).delivery());
            assertThat(calls).allMatch(call -> WebhookSignature.verify(secret, call.signature(), call.body(),
                    Instant.now().getEpochSecond(), 300));
            JsonNode payload = Json.parse(new String(calls.get(2).body(), StandardCharsets.UTF_8));
            assertThat(payload.get("disclosure").asText()).isEqualTo("LIMITED");
            assertThat(payload.has("summary")).isFalse();
            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode log = Json.parse(node.send("GET", "/api/v1/webhooks/" + webhook.get("id").asText()
                        + "/deliveries", admin, null).body());
                assertThat(log.get(0).get("status").asText()).isEqualTo("DELIVERED");
                assertThat(log.get(0).get("attempts").asInt()).isEqualTo(3);
            });
        }
    }

    @Test
    @Order(7)
    void aWebhookThatNeverComesBackIsDisabledAndAdministratorsAreTold() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JsonNode webhook = registerWebhook("http://127.0.0.1:" + closedPort + "/gone", List.of("JOINT_ACTION_OUTCOME"));
        String id = webhook.get("id").asText();
        produce(event(DomainEventType.JOINT_ACTION_OUTCOME, UUID.randomUUID(), null, "Outcome reported",
                HandlingMarking.GREEN));
        await().atMost(PATIENCE).until(() -> !Json.parse(node.send("GET", "/api/v1/webhooks/" + id, admin, null)
                .body()).get("enabled").asBoolean());
        JsonNode disabled = Json.parse(node.send("GET", "/api/v1/webhooks/" + id, admin, null).body());
        assertThat(disabled.get("disabledReason").asText()).contains("4 consecutive failed attempts");
        await().atMost(PATIENCE).until(() -> titles(admin).contains("Webhook to 127.0.0.1 disabled"));
        assertThat(titles(liaison)).doesNotContain("Webhook to 127.0.0.1 disabled");
        JsonNode log = Json.parse(node.send("GET", "/api/v1/webhooks/" + id + "/deliveries", admin, null).body());
        assertThat(log.get(0).get("status").asText()).isIn("FAILED", "ABANDONED");
        assertThat(log.get(0).get("attempts").asInt()).isEqualTo(4);
    }

    @Test
    @Order(8)
    void onlyAdministratorsManageWebhooksAndUsersSeeOnlyTheirOwnNotifications() {
        assertThat(node.send("POST", "/api/v1/webhooks", liaison, "{\"url\":\"https://hooks.example.org/x\"}")
                .statusCode()).isEqualTo(403);
        assertThat(node.send("GET", "/api/v1/webhooks", supervisor, null).statusCode()).isEqualTo(403);
        assertThat(node.send("GET", "/api/v1/notifications", null, null).statusCode()).isEqualTo(401);
        // A token of another node does not open this one, although its signature is a real case-service's.
        assertThat(node.send("GET", "/api/v1/notifications", deCases.login("liaison"), null).statusCode())
                .isEqualTo(401);

        JsonNode supervisorItems = page(supervisor).get("items");
        assertThat(supervisorItems.size()).isPositive();
        String supervisorNotification = supervisorItems.get(0).get("id").asText();
        assertThat(StreamSupport.stream(page(liaison).get("items").spliterator(), false)
                .map(item -> item.get("id").asText())).doesNotContain(supervisorNotification);
        HttpResponse<String> foreign = node.send("POST", "/api/v1/notifications/" + supervisorNotification + "/read",
                liaison, null);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(node.send("POST", "/api/v1/notifications/" + supervisorNotification + "/read", supervisor, null)
                .statusCode()).isEqualTo(204);
        JsonNode afterRead = page(supervisor);
        assertThat(afterRead.get("unread").asLong()).isEqualTo(afterRead.get("total").asLong() - 1);
        // Unread first.
        JsonNode items = afterRead.get("items");
        assertThat(items.get(items.size() - 1).get("read").asBoolean()).isTrue();

        HttpResponse<String> readAll = node.send("POST", "/api/v1/notifications/read-all", supervisor, null);
        assertThat(readAll.statusCode()).isEqualTo(200);
        assertThat(page(supervisor).get("unread").asLong()).isZero();
    }

    @Test
    @Order(9)
    void badInputIsAnsweredWithProblemsNamingTheField() {
        assertProblem(node.send("POST", "/api/v1/webhooks", admin, "{\"url\":\"ftp://hooks.example.org/x\"}"), 422,
                "url");
        assertProblem(node.send("POST", "/api/v1/webhooks", admin, "{\"url\":\"https://user:pw@hooks.example.org/\"}"),
                422, "url");
        assertProblem(node.send("POST", "/api/v1/webhooks", admin, "{\"url\":\"not a url\"}"), 422, "url");
        assertProblem(node.send("POST", "/api/v1/webhooks", admin,
                "{\"url\":\"https://hooks.example.org/\",\"eventTypes\":[\"NO_SUCH\"]}"), 422, "eventTypes[0]");
        assertProblem(node.send("POST", "/api/v1/webhooks", admin, "{\"url\":"), 400, null);
        assertProblem(node.send("GET", "/api/v1/notifications?size=0", liaison, null), 422, "size");
        assertProblem(node.send("GET", "/api/v1/notifications?page=x", liaison, null), 422, "page");
        assertProblem(node.send("POST", "/api/v1/notifications/not-a-uuid/read", liaison, null), 422, "id");
        assertProblem(node.send("DELETE", "/api/v1/webhooks/" + UUID.randomUUID(), admin, null), 404, null);
        assertProblem(node.send("PUT", "/api/v1/subscriptions/event-types/NO_SUCH", liaison, "{\"choice\":\"ADD\"}"),
                422, "type");
        assertProblem(node.send("PUT", "/api/v1/subscriptions/email", liaison, "{\"mode\":\"SOMETIMES\"}"), 422,
                "mode");
        assertProblem(node.send("GET", "/api/v1/notifications/stream?ticket=forged", null, null), 401, null);

        String ticket = Json.field(node.send("POST", "/api/v1/notifications/stream-tickets", liaison, null).body(),
                "ticket");
        try (SseClient first = new SseClient(node.url() + "/api/v1/notifications/stream?ticket=" + ticket)) {
            await().atMost(PATIENCE).until(() -> !first.events("ready").isEmpty());
            assertProblem(node.send("GET", "/api/v1/notifications/stream?ticket=" + ticket, null, null), 401, null);
        }
    }

    @Test
    @Order(9)
    void usersWhoChoseTheDigestGetOneMailListingTheirNotifications() {
        HttpResponse<String> chosen = node.send("PUT", "/api/v1/subscriptions/email", supervisor,
                "{\"mode\":\"DIGEST\"}");
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        assertThat(Json.parse(chosen.body()).get("emailMode").asText()).isEqualTo("DIGEST");
        String run = UUID.randomUUID().toString().substring(0, 8);
        DomainEvent first = event(DomainEventType.DEADLINE_OVERDUE, UUID.randomUUID(), null, "Overdue A " + run,
                HandlingMarking.GREEN);
        DomainEvent second = event(DomainEventType.DEADLINE_OVERDUE, UUID.randomUUID(), null, "Overdue B " + run,
                HandlingMarking.GREEN);
        produce(first);
        produce(second);
        await().atMost(PATIENCE).until(() -> titles(supervisor).containsAll(List.of(first.getTitle(),
                second.getTitle())));

        assertThat(node.bean(EmailDispatcher.class).sendDigests()).isPositive();
        List<Mailbox.Mail> digests = mailbox.mailsTo(NL_SUPERVISOR_MAIL).stream()
                .filter(mail -> mail.subject().contains("Daily digest")).toList();
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0).text()).contains(first.getTitle(), second.getTitle());
        assertThat(mailbox.mailsTo(NL_SUPERVISOR_MAIL)).noneMatch(mail -> mail.subject().contains(first.getTitle()));
        // Sent once: a second run has nothing left for the supervisor.
        node.bean(EmailDispatcher.class).sendDigests();
        assertThat(mailbox.mailsTo(NL_SUPERVISOR_MAIL)).filteredOn(mail -> mail.subject().contains("Daily digest"))
                .hasSize(1);
        node.send("PUT", "/api/v1/subscriptions/email", supervisor, "{\"mode\":\"IMMEDIATE\"}");
    }

    @Test
    @Order(9)
    void nonBrowserClientsOpenTheStreamWithTheirBearerToken() throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(node.url() + "/api/v1/notifications/stream"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + supervisor).build();
        HttpResponse<java.io.InputStream> response = java.net.http.HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("text/event-stream");
            String start = new String(body.readNBytes(40), StandardCharsets.UTF_8);
            assertThat(start).contains("ready");
        }
    }

    @Test
    @Order(9)
    void theConsoleOriginMayCallTheApiAndOthersMayNot() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String origin : List.of("http://console.test", "http://elsewhere.test")) {
            java.net.http.HttpRequest preflight = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(node.url() + "/api/v1/notifications/stream-tickets"))
                    .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                    .header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization")
                    .build();
            HttpResponse<String> answer = http.send(preflight, HttpResponse.BodyHandlers.ofString());
            if (origin.equals("http://console.test")) {
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).contains(origin);
            } else {
                assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            }
        }
    }

    @Test
    @Order(9)
    void usersFollowAndUnfollowSubjectsThemselves() {
        UUID action = UUID.randomUUID();
        HttpResponse<String> followed = node.send("PUT", "/api/v1/subscriptions/follows/" + action, supervisor,
                "{\"caseReference\":\"NL-2026-0042\"}");
        assertThat(followed.statusCode()).as(followed.body()).isEqualTo(200);
        assertThat(followed.body()).contains(action.toString(), "\"source\":\"USER\"");
        DomainEvent updated = event(DomainEventType.JOINT_ACTION_UPDATED, action, null, "Action plan v2 " + action,
                HandlingMarking.GREEN);
        produce(updated);
        await().atMost(PATIENCE).until(() -> titles(supervisor).contains(updated.getTitle()));
        assertThat(titles(liaison)).doesNotContain(updated.getTitle());

        HttpResponse<String> unfollowed = node.send("DELETE", "/api/v1/subscriptions/follows/" + action, supervisor,
                null);
        assertThat(unfollowed.statusCode()).isEqualTo(200);
        assertThat(unfollowed.body()).doesNotContain(action.toString());
        DomainEvent later = event(DomainEventType.JOINT_ACTION_UPDATED, action, null, "Action plan v3 " + action,
                HandlingMarking.GREEN);
        produce(later);
        DomainEvent marker = event(DomainEventType.REQUEST_AWAITING_APPROVAL, UUID.randomUUID(), null,
                "Marker for supervisor " + action, HandlingMarking.GREEN);
        produce(marker);
        await().atMost(PATIENCE).until(() -> titles(supervisor).contains(marker.getTitle()));
        assertThat(titles(supervisor)).doesNotContain(later.getTitle());
    }

    @Test
    @Order(9)
    void mailQueuedWhileTheSmtpServerIsDownIsSentWhenItIsBack() {
        int port = mailbox.port();
        mailbox.close();
        DomainEvent event = event(DomainEventType.REQUEST_RECEIVED, UUID.randomUUID(), null,
                "Received while SMTP was down " + UUID.randomUUID(), HandlingMarking.GREEN);
        produce(event);
        await().atMost(PATIENCE).until(() -> titles(liaison).contains(event.getTitle()));
        UUID notificationId = UUID.fromString(StreamSupport.stream(page(liaison).get("items").spliterator(), false)
                .filter(item -> item.get("title").asText().equals(event.getTitle())).findFirst().orElseThrow()
                .get("id").asText());
        // At least one send has failed before the server comes back.
        await().atMost(PATIENCE).until(() -> node.bean(NotificationStore.class).emailAttempts(notificationId) > 0);
        mailbox = Mailbox.startOn(port);
        await().atMost(PATIENCE).until(() -> mailbox.mailsTo(NL_LIAISON_MAIL).stream()
                .anyMatch(mail -> mail.subject().contains(event.getTitle())));
    }

    @Test
    @Order(9)
    void aNotificationCreatedByOneInstanceReachesAStreamOpenOnAnother() throws Exception {
        // A second instance on the same database, without a consumer: whatever it streams, another instance created.
        Map<String, Object> second = new HashMap<>(nodeProperties);
        second.put("casebridge.notifications.consumer.enabled", "false");
        try (NotificationNode other = NotificationNode.start(second)) {
            String ticket = Json.field(other.send("POST", "/api/v1/notifications/stream-tickets", liaison, null)
                    .body(), "ticket");
            try (SseClient stream = new SseClient(other.url() + "/api/v1/notifications/stream?ticket=" + ticket)) {
                await().atMost(PATIENCE).until(() -> !stream.events("ready").isEmpty());
                DomainEvent event = event(DomainEventType.REQUEST_RECEIVED, UUID.randomUUID(), null,
                        "Across instances " + UUID.randomUUID(), HandlingMarking.AMBER);
                produce(event);

                await().atMost(PATIENCE).until(() -> stream.events("notification").stream()
                        .anyMatch(e -> e.data().contains(event.getTitle())));
                JsonNode live = Json.parse(stream.events("notification").stream()
                        .filter(e -> e.data().contains(event.getTitle())).findFirst().orElseThrow().data());
                String listed = StreamSupport.stream(page(liaison).get("items").spliterator(), false)
                        .filter(item -> item.get("title").asText().equals(event.getTitle())).findFirst()
                        .orElseThrow().get("id").asText();
                assertThat(live.get("id").asText()).isEqualTo(listed);
                assertThat(live.get("summary").asText()).isEqualTo(event.getSummary());
                // Only the recipient's streams get it.
                assertThat(stream.events("notification")).filteredOn(e -> e.data().contains(event.getTitle()))
                        .hasSize(1);
            }
        }
    }

    @Test
    @Order(9)
    void analystsGetNoNotificationsAboutCasesRequestsOrJointActions() {
        String analyst = nlCases.login("analyst");
        assertProblem(node.send("PUT", "/api/v1/subscriptions/event-types/CASE_SHARED_WITH_US", analyst,
                "{\"choice\":\"ADD\"}"), 403, "type");
        assertProblem(node.send("PUT", "/api/v1/subscriptions/follows/" + UUID.randomUUID(), analyst, null), 403,
                "subjectId");
        // Muting is harmless; the node's plumbing is not case content.
        assertThat(node.send("PUT", "/api/v1/subscriptions/event-types/REQUEST_RECEIVED", analyst,
                "{\"choice\":\"MUTE\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> added = node.send("PUT", "/api/v1/subscriptions/event-types/SEQUENCE_GAP", analyst,
                "{\"choice\":\"ADD\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        JsonNode types = Json.parse(added.body()).get("eventTypes");
        JsonNode shared = StreamSupport.stream(types.spliterator(), false)
                .filter(t -> t.get("type").asText().equals("CASE_SHARED_WITH_US")).findFirst().orElseThrow();
        assertThat(shared.get("allowed").asBoolean()).isFalse();
        assertThat(shared.get("active").asBoolean()).isFalse();

        // A choice stored before (say, while the account was a liaison's) does not count either.
        node.bean(PreferenceStore.class).setEventType("analyst", "REQUEST_RECEIVED", true);
        node.bean(PreferenceStore.class).setFollow("analyst", UUID.randomUUID(), true, true, null, Instant.now());
        DomainEvent request = event(DomainEventType.REQUEST_RECEIVED, UUID.randomUUID(), null,
                "Not for analysts " + UUID.randomUUID(), HandlingMarking.GREEN);
        produce(request);
        DomainEvent gap = event(DomainEventType.SEQUENCE_GAP, UUID.randomUUID(), null,
                "2 message(s) from DE-BKA missing " + UUID.randomUUID(), HandlingMarking.GREEN);
        produce(gap);
        await().atMost(PATIENCE).until(() -> titles(liaison).contains(request.getTitle())
                && titles(analyst).contains(gap.getTitle()));
        assertThat(titles(analyst)).doesNotContain(request.getTitle());
        assertThat(page(analyst).get("items")).allSatisfy(item -> assertThat(item.get("subjectKind").asText())
                .isNotIn("CASE", "EVIDENCE_REQUEST", "JOINT_ACTION"));
    }

    @Test
    @Order(9)
    void metricsAreForAdministratorsAndCountWhatHappened() {
        assertThat(prometheus(null).statusCode()).isEqualTo(401);
        assertThat(prometheus(liaison).statusCode()).isEqualTo(403);
        assertThat(prometheus(analyst()).statusCode()).isEqualTo(403);
        HttpResponse<String> before = prometheus(admin);
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).contains("casebridge_notifications_mail_queue", "casebridge_notifications_webhook_queue",
                "casebridge_notifications_streams_open");
        double created = metric(before.body(), "casebridge_notifications_new_total");
        double processed = metric(before.body(), "casebridge_notifications_events_total{outcome=\"processed\"");

        DomainEvent event = event(DomainEventType.REQUEST_RECEIVED, UUID.randomUUID(), null,
                "Counted " + UUID.randomUUID(), HandlingMarking.GREEN);
        produce(event);
        await().atMost(PATIENCE).untilAsserted(() -> {
            String after = prometheus(admin).body();
            String ours = String.join("\n", after.lines().filter(line -> line.startsWith("casebridge_")).toList());
            assertThat(metric(after, "casebridge_notifications_new_total")).as(ours).isGreaterThan(created);
            assertThat(metric(after, "casebridge_notifications_events_total{outcome=\"processed\"")).as(ours)
                    .isGreaterThan(processed);
            assertThat(metric(after, "casebridge_notifications_mails_total{outcome=\"sent\"")).as(ours).isPositive();
        });
    }

    @Test
    @Order(9)
    void theApiIsDescribedByAnOpenApiDocumentWithSwaggerUi() {
        HttpResponse<String> document = node.send("GET", "/swagger/casebridge-notification-service-1.yml", null,
                null);
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("/api/v1/notifications/stream-tickets", "/api/v1/subscriptions",
                "/api/v1/webhooks", "bearer");
        HttpResponse<String> ui = node.send("GET", "/swagger-ui/index.html", null, null);
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("casebridge-notification-service-1.yml");
    }

    @Test
    @Order(10)
    void aServiceStoppedWhileEventsArriveCatchesUpOnRestart() {
        node.close();
        DomainEvent missed = event(DomainEventType.REQUEST_RECEIVED, UUID.randomUUID(), null,
                "Arrived while down " + UUID.randomUUID(), HandlingMarking.GREEN);
        produce(missed);
        node = NotificationNode.start(nodeProperties);
        await().atMost(PATIENCE).until(() -> titles(liaison).contains(missed.getTitle()));
        await().atMost(PATIENCE).until(() -> mailbox.mailsTo(NL_LIAISON_MAIL).stream()
                .anyMatch(mail -> mail.subject().contains(missed.getTitle())));
    }

    private JsonNode registerWebhook(String url, List<String> types) {
        HttpResponse<String> response = node.send("POST", "/api/v1/webhooks", admin, Json.write(Map.of(
                "url", url, "eventTypes", types, "description", "test receiver")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode webhook = Json.parse(response.body());
        assertThat(webhook.get("secret").asText()).startsWith("whsec_");
        JsonNode listed = Json.parse(node.send("GET", "/api/v1/webhooks", admin, null).body());
        assertThat(listed.toString()).contains(webhook.get("id").asText()).doesNotContain(webhook.get("secret").asText());
        return webhook;
    }

    private void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode problem = Json.parse(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(problem.get("detail").asText()).contains(field);
        }
    }

    /** The metrics as a Prometheus server scrapes them (text exposition format). */
    private HttpResponse<String> prometheus(String token) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(node.url() + "/prometheus")).header("Accept", "text/plain");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return java.net.http.HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String analyst() {
        return nlCases.login("analyst");
    }

    /** The sum of a Prometheus metric's samples whose line starts with the given name (and labels). */
    private static double metric(String exposition, String prefix) {
        return exposition.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private JsonNode page(String token) {
        HttpResponse<String> response = node.send("GET", "/api/v1/notifications?size=100", token, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    private List<String> titles(String token) {
        List<String> titles = new ArrayList<>();
        page(token).get("items").forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }

    private DomainEvent event(DomainEventType type, UUID subject, String actor, String title, HandlingMarking marking) {
        return DomainEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setEventType(type)
                .setOccurredAt(Instant.now())
                .setAgency(NL)
                .setSubjectKind(type.name().startsWith("JOINT") ? SubjectKind.JOINT_ACTION
                        : type == DomainEventType.SEQUENCE_GAP || type == DomainEventType.DELIVERY_REFUSED
                        ? SubjectKind.PARTNER : SubjectKind.EVIDENCE_REQUEST)
                .setSubjectId(subject)
                .setCaseReference("NL-2026-0042")
                .setCounterpartAgency(DE)
                .setActor(actor)
                .setTitle(title)
                .setSummary("Summary of " + title)
                .setHandlingMarking(marking)
                .build();
    }

    private void produce(DomainEvent event) {
        try {
            producer.send(new ProducerRecord<>(KafkaTopics.events(NL), event.getSubjectId().toString(),
                    codec.encode(event))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ConsumerRecord<String, byte[]> deadLetter(String key) {
        Properties properties = new Properties();
        properties.putAll(NodeTestProperties.adminClientProperties());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            String topic = KafkaTopics.deadLetter(KafkaTopics.events(NL));
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long until = System.currentTimeMillis() + 5000;
            while (System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
            return null;
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
