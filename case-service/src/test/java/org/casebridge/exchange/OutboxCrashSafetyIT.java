package org.casebridge.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebridge.schema.KafkaTopics;
import org.casebridge.infra.DatabaseCoordinates;
import org.casebridge.infra.junit.SharedInfrastructure;
import org.casebridge.schema.KafkaHeaders;
import org.casebridge.testkit.TestNode;
import org.casebridge.testkit.TopicContents;
import org.junit.jupiter.api.Test;

/**
 * A node stopped between publishing its outbox and marking it publishes the same messages again after restart; the
 * partner recognises them, so every acknowledged change reaches it exactly once in effect.
 */
class OutboxCrashSafetyIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(45);

    @Test
    void everyAcknowledgedChangeReachesThePartnerOnceAfterACrashBetweenPublishAndMark() throws Exception {
        DatabaseCoordinates database = SharedInfrastructure.freshDatabase("DE-BKA-crash");
        try (TestNode b = TestNode.start("NL-NHTC")) {
            String caseId;
            List<UUID> sent;
            try (TestNode a = TestNode.start("DE-BKA", database, Map.of(CrashBetweenPublishAndMark.PROPERTY, "true"))) {
                String token = a.liaison();
                HttpResponse<Map> created = a.http().exchange(HttpRequest.POST("/api/v1/cases", Map.of(
                        "title", "Crypto drainer phishing", "summary", "Wallet drainer kits sold on forums",
                        "crimeCategories", List.of("COMPUTER_FRAUD"), "handlingMarking", "GREEN")).bearerAuth(token),
                        Map.class);
                caseId = (String) created.body().get("id");
                a.http().exchange(HttpRequest.POST("/api/v1/cases/" + caseId + "/shares", Map.of("agency", "NL-NHTC"))
                        .bearerAuth(token));
                for (int revision = 1; revision <= 2; revision++) {
                    a.http().exchange(HttpRequest.PATCH("/api/v1/cases/" + caseId,
                                    Map.of("summary", "Wallet drainer kits, revision " + (revision + 1)))
                            .header("If-Match", "\"" + revision + "\"").bearerAuth(token));
                }
                sent = deliveryIds(a, caseId);
                assertThat(sent).hasSize(3);
                // Every change reached Kafka at least once, yet none was marked published.
                CrashBetweenPublishAndMark crash = a.bean(CrashBetweenPublishAndMark.class);
                await().atMost(TIMEOUT).ignoreExceptions().until(() -> crash.publishedMessages() >= 3 + sent.size());
                assertThat(unpublishedOutboxRows(a)).isGreaterThanOrEqualTo(3);
            }

            try (TestNode restarted = TestNode.start("DE-BKA", database, Map.of())) {
                await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> assertThat(copySummary(b, caseId))
                        .isEqualTo("Wallet drainer kits, revision 3"));
                await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
                    List<Map<?, ?>> deliveries = deliveries(restarted, caseId);
                    assertThat(deliveries).hasSize(3);
                    assertThat(deliveries).allSatisfy(d -> assertThat((Object) d.get("status")).isEqualTo("APPLIED"));
                });
                assertThat(unpublishedOutboxRows(restarted)).isZero();
            }

            Map<String, Integer> copiesOnKafka = recordsPerMessageId(KafkaTopics.inbox("NL-NHTC"));
            for (UUID messageId : sent) {
                // Published more than once ...
                assertThat(copiesOnKafka.getOrDefault(messageId.toString(), 0)).isGreaterThanOrEqualTo(2);
                // ... applied once.
                assertThat(count(b, "SELECT count(*) FROM inbox_message WHERE message_id = ?", messageId)).isEqualTo(1);
            }
            assertThat(count(b, "SELECT count(*) FROM audit_log WHERE object_id = ? AND action = 'PARTNER_UPDATE_APPLIED'",
                    caseId)).isEqualTo(3);
        }
    }

    private static List<UUID> deliveryIds(TestNode node, String caseId) {
        return deliveries(node, caseId).stream().map(d -> UUID.fromString((String) d.get("messageId"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> deliveries(TestNode node, String caseId) {
        return (List<Map<?, ?>>) (List<?>) node.http().retrieve(HttpRequest.GET("/api/v1/cases/" + caseId + "/deliveries")
                .bearerAuth(node.liaison()), Argument.listOf(Map.class));
    }

    private static String copySummary(TestNode node, String caseId) {
        try {
            return (String) node.http().retrieve(HttpRequest.GET("/api/v1/cases/" + caseId)
                    .bearerAuth(node.liaison()), Map.class).get("summary");
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static long unpublishedOutboxRows(TestNode node) throws Exception {
        return count(node, "SELECT count(*) FROM outbox_message WHERE published_at IS NULL AND recipient = ?",
                "NL-NHTC");
    }

    private static long count(TestNode node, String sql, Object parameter) throws Exception {
        try (var connection = node.dataSource().getConnection();
             var statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Map<String, Integer> recordsPerMessageId(String topic) {
        Map<String, Integer> counts = new HashMap<>();
        for (var record : TopicContents.readAll(topic)) {
            String id = TopicContents.header(record, KafkaHeaders.MESSAGE_ID);
            if (id != null) {
                counts.merge(id, 1, Integer::sum);
            }
        }
        return counts;
    }
}
