package org.casebridge.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casebridge.events.v1.DomainEvent;
import org.casebridge.schema.KafkaTopics;
import org.casebridge.schema.codec.DomainEventCodec;
import org.casebridge.testkit.TestNode;
import org.casebridge.testkit.TopicContents;

/** Calls of the evidence request API for integration tests, and reads of a node's database and events. */
final class RequestApi {

    static final String BASE = "/api/v1/evidence-requests";
    private static final DomainEventCodec EVENTS = DomainEventCodec.create();

    private RequestApi() {
    }

    static String createCase(TestNode node, String title, String marking) {
        HttpResponse<Map> created = node.http().exchange(HttpRequest.POST("/api/v1/cases", Map.of(
                "title", title,
                "summary", "Summary of " + title,
                "crimeCategories", List.of("RANSOMWARE_EXTORTION"),
                "priority", "HIGH",
                "handlingMarking", marking)).bearerAuth(node.liaison()), Map.class);
        return (String) created.body().get("id");
    }

    /** A draft body for an EU_EPOC production order with two items. */
    static Map<String, Object> draftBody(String caseId, String partner, String instrument, String urgency) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseId", caseId);
        body.put("requestedAgency", partner);
        body.put("instrument", instrument);
        body.put("type", "SUBSCRIBER_INFO");
        body.put("urgency", urgency);
        body.put("justification", "Ransomware negotiation portal hosted at the address below; subscriber needed.");
        body.put("items", List.of(
                Map.of("type", "IP_ADDRESS", "address", "203.0.113.17", "port", 44321,
                        "timestamp", "2026-03-01T10:15:00Z",
                        "timeRange", Map.of("from", "2026-03-01T00:00:00Z", "to", "2026-03-02T00:00:00Z")),
                Map.of("type", "EMAIL_ADDRESS", "address", "negotiator@example.org",
                        "timeRange", Map.of("from", "2026-02-01T00:00:00Z", "to", "2026-03-01T00:00:00Z"))));
        return body;
    }

    static Map<String, Object> post(TestNode node, String path, Object body, String token) {
        MutableHttpRequest<Object> request = HttpRequest.POST(path, body == null ? Map.of() : body).bearerAuth(token);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = node.http().retrieve(request, Map.class);
        return result;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> get(TestNode node, String path) {
        return node.http().retrieve(HttpRequest.GET(path).bearerAuth(node.liaison()), Map.class);
    }

    /** The problem answered to a call that must fail, after checking its status. */
    static Map<String, Object> problem(HttpStatus status, Runnable call) {
        try {
            call.run();
        } catch (HttpClientResponseException e) {
            assertThat(e.getStatus().getCode()).as(e.getResponse().getBody(String.class).orElse(""))
                    .isEqualTo(status.getCode());
            assertThat(e.getResponse().getContentType()).hasValueSatisfying(type ->
                    assertThat(type.toString()).isEqualTo("application/problem+json"));
            @SuppressWarnings("unchecked")
            Map<String, Object> body = e.getResponse().getBody(Map.class).orElseThrow();
            return body;
        }
        throw new AssertionError("the call succeeded; expected " + status);
    }

    @SuppressWarnings("unchecked")
    static List<String> errorFields(Map<String, Object> problem) {
        List<String> fields = new ArrayList<>();
        for (Object error : (List<Object>) problem.getOrDefault("errors", List.of())) {
            fields.add((String) ((Map<String, Object>) error).get("field"));
        }
        return fields;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /** The domain events a node published about one subject, in topic order. */
    static List<DomainEvent> events(TestNode node, String subjectId) {
        List<DomainEvent> events = new ArrayList<>();
        TopicContents.readAll(KafkaTopics.events(node.agency())).forEach(record -> {
            DomainEvent event = EVENTS.decode(record.value());
            if (event.getSubjectId().toString().equals(subjectId)) {
                events.add(event);
            }
        });
        return events;
    }

    static long count(TestNode node, String sql, Object... parameters) {
        try (Connection connection = node.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int update(TestNode node, String sql, Object... parameters) {
        try (Connection connection = node.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
