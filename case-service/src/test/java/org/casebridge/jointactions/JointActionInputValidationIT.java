package org.casebridge.jointactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casebridge.support.problem.ProblemDetail;
import org.casebridge.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Bad input to the joint action API gets a 4xx problem body that names the field, never a 5xx. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JointActionInputValidationIT {

    private static final String BASE = "/api/v1/joint-actions";
    private static final Instant START = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    private TestNode node;
    private TestNode partner;
    private String actionId;

    @BeforeAll
    void start() {
        node = TestNode.start("DE-BKA");
        partner = TestNode.start("NL-NHTC");
        actionId = (String) node.http().retrieve(HttpRequest.POST(BASE, valid()).bearerAuth(node.liaison()), Map.class)
                .get("id");
    }

    @AfterAll
    void stop() {
        node.close();
        partner.close();
    }

    @Test
    void invalidJsonAndWrongTypesAreBadRequests() {
        assertThat(expectProblem(HttpRequest.POST(BASE, "{\"title\": ").contentType(MediaType.APPLICATION_JSON), 400)
                .code()).isEqualTo("MALFORMED_REQUEST");
        Map<String, Object> wrongType = valid();
        wrongType.put("participants", "NL-NHTC");
        expectProblem(HttpRequest.POST(BASE, wrongType), 400);
        Map<String, Object> badRole = valid();
        badRole.put("participants", List.of(Map.of("agency", "NL-NHTC", "role", "CHIEF")));
        expectProblem(HttpRequest.POST(BASE, badRole), 400);
        Map<String, Object> badTime = valid();
        badTime.put("windowStart", "tomorrow morning");
        expectProblem(HttpRequest.POST(BASE, badTime), 400);
    }

    @Test
    void missingAndMalformedFieldsAreNamed() {
        Map<String, Object> body = valid();
        body.remove("title");
        body.remove("windowEnd");
        body.put("objective", "x".repeat(10_001));
        body.put("handlingMarking", "TLP:PURPLE");
        body.put("participants", List.of(Map.of("agency", "nobody", "role", "PARTICIPANT")));
        ProblemDetail problem = expectProblem(HttpRequest.POST(BASE, body), 400);
        assertThat(problem.errors()).extracting(ProblemDetail.FieldError::field)
                .contains("title", "windowEnd", "objective", "handlingMarking");
        assertThat(problem.errors()).extracting(ProblemDetail.FieldError::field)
                .anySatisfy(field -> assertThat(field).startsWith("participants").contains("agency").contains("0"));
    }

    @Test
    void theWindowMustEndAfterItStarts() {
        Map<String, Object> body = valid();
        body.put("windowEnd", START.minus(1, ChronoUnit.HOURS).toString());
        ProblemDetail problem = expectProblem(HttpRequest.POST(BASE, body), 422);
        assertThat(problem.errors()).extracting(ProblemDetail.FieldError::field).containsExactly("windowEnd");
        ProblemDetail patch = expectProblem(HttpRequest.PATCH(BASE + "/" + actionId,
                Map.of("windowStart", START.toString(), "windowEnd", START.toString())), 422);
        assertThat(patch.errors()).extracting(ProblemDetail.FieldError::field).containsExactly("windowEnd");
        ProblemDetail half = expectProblem(HttpRequest.PATCH(BASE + "/" + actionId,
                Map.of("windowStart", START.toString())), 422);
        assertThat(half.errors()).extracting(ProblemDetail.FieldError::field).containsExactly("windowEnd");
        expectProblem(HttpRequest.PATCH(BASE + "/" + actionId, Map.of()), 422);
        ProblemDetail stranger = expectProblem(HttpRequest.PATCH(BASE + "/" + actionId,
                Map.of("assignments", List.of(Map.of("agency", "BE-FCCU", "tasks", List.of("x"))))), 422);
        assertThat(stranger.errors()).extracting(ProblemDetail.FieldError::field).containsExactly("assignments");
    }

    @Test
    void participantsMustBeKnownAgenciesAllowedTheMarking() {
        Map<String, Object> unknown = valid();
        unknown.put("participants", List.of(Map.of("agency", "XX-NOBODY", "role", "PARTICIPANT")));
        ProblemDetail problem = expectProblem(HttpRequest.POST(BASE, unknown), 422);
        assertThat(problem.code()).isEqualTo("UNKNOWN_AGENCY");
        assertThat(problem.errors()).extracting(ProblemDetail.FieldError::field).containsExactly("participants[0].agency");

        // FR-OFAC may receive at most TLP:AMBER+STRICT.
        Map<String, Object> red = valid();
        red.put("handlingMarking", "RED");
        red.put("participants", List.of(Map.of("agency", "NL-NHTC", "role", "PARTICIPANT"),
                Map.of("agency", "FR-OFAC", "role", "SUPPORT")));
        ProblemDetail ceiling = expectProblem(HttpRequest.POST(BASE, red), 422);
        assertThat(ceiling.code()).isEqualTo("MARKING_CEILING");
        assertThat(ceiling.errors()).extracting(ProblemDetail.FieldError::field).containsExactly("participants[1].agency");

        Map<String, Object> alone = valid();
        alone.put("participants", List.of(Map.of("agency", "DE-BKA", "role", "COORDINATOR")));
        assertThat(expectProblem(HttpRequest.POST(BASE, alone), 422).errors())
                .extracting(ProblemDetail.FieldError::field).containsExactly("participants");

        Map<String, Object> twice = valid();
        twice.put("participants", List.of(Map.of("agency", "NL-NHTC", "role", "PARTICIPANT"),
                Map.of("agency", "NL-NHTC", "role", "SUPPORT")));
        assertThat(expectProblem(HttpRequest.POST(BASE, twice), 422).errors())
                .extracting(ProblemDetail.FieldError::field).containsExactly("participants[1].agency");

        Map<String, Object> secondCoordinator = valid();
        secondCoordinator.put("participants", List.of(Map.of("agency", "NL-NHTC", "role", "COORDINATOR")));
        assertThat(expectProblem(HttpRequest.POST(BASE, secondCoordinator), 422).errors())
                .extracting(ProblemDetail.FieldError::field).containsExactly("participants[0].role");

        Map<String, Object> unknownCase = valid();
        unknownCase.put("linkedCases", List.of("00000000-0000-0000-0000-000000000001"));
        ProblemDetail noCase = expectProblem(HttpRequest.POST(BASE, unknownCase), 422);
        assertThat(noCase.code()).isEqualTo("UNKNOWN_CASE");
        assertThat(noCase.errors()).extracting(ProblemDetail.FieldError::field).containsExactly("linkedCases[0]");
    }

    @Test
    void outcomesNeedNonNegativeCountsAndIso4217Currencies() {
        String running = startedAction();
        ProblemDetail negative = expectProblem(HttpRequest.POST(BASE + "/" + running + "/outcomes",
                Map.of("arrests", -1, "victimsIdentified", -5)), 400);
        assertThat(negative.errors()).extracting(ProblemDetail.FieldError::field)
                .contains("arrests", "victimsIdentified");

        ProblemDetail currency = expectProblem(HttpRequest.POST(BASE + "/" + running + "/outcomes",
                Map.of("assetsSeized", List.of(asset("100", "EUR"), asset("100", "XYZ")))), 422);
        assertThat(currency.errors()).extracting(ProblemDetail.FieldError::field).containsExactly("assetsSeized[1].currency");
        ProblemDetail lowercase = expectProblem(HttpRequest.POST(BASE + "/" + running + "/outcomes",
                Map.of("assetsSeized", List.of(asset("100", "eur")))), 400);
        assertThat(lowercase.errors()).extracting(ProblemDetail.FieldError::field)
                .anySatisfy(field -> assertThat(field).contains("currency"));
        ProblemDetail decimals = expectProblem(HttpRequest.POST(BASE + "/" + running + "/outcomes",
                Map.of("assetsSeized", List.of(asset("100.5", "JPY")))), 422);
        assertThat(decimals.errors()).extracting(ProblemDetail.FieldError::field).containsExactly("assetsSeized[0].amount");
        ProblemDetail negativeAmount = expectProblem(HttpRequest.POST(BASE + "/" + running + "/outcomes",
                Map.of("assetsSeized", List.of(asset("-3", "EUR")))), 400);
        assertThat(negativeAmount.errors()).extracting(ProblemDetail.FieldError::field)
                .anySatisfy(field -> assertThat(field).contains("amount"));
        Map<String, Object> noKind = new HashMap<>(asset("1", "EUR"));
        noKind.remove("kind");
        expectProblem(HttpRequest.POST(BASE + "/" + running + "/outcomes", Map.of("assetsSeized", List.of(noKind))), 400);

        // A valid report is taken, and nothing else was stored by the refused ones.
        Map<?, ?> reported = node.http().retrieve(HttpRequest.POST(BASE + "/" + running + "/outcomes",
                Map.of("arrests", 1, "assetsSeized", List.of(asset("1250.50", "EUR"), asset("1250", "JPY"))))
                .bearerAuth(node.liaison()), Map.class);
        Map<?, ?> totals = (Map<?, ?>) reported.get("totals");
        assertThat((Object) totals.get("arrests")).isEqualTo(1);
        assertThat((List<?>) totals.get("seizedValues")).hasSize(2);
    }

    @Test
    void otherStepsValidateTheirBodies() {
        expectProblem(HttpRequest.POST(BASE + "/" + actionId + "/participation", Map.of("answer", "MAYBE")), 400);
        expectProblem(HttpRequest.POST(BASE + "/" + actionId + "/readiness", Map.of()), 400);
        assertThat(expectProblem(HttpRequest.POST(BASE + "/" + actionId + "/readiness",
                Map.of("ready", true, "planRevision", 0)), 400).errors())
                .extracting(ProblemDetail.FieldError::field).containsExactly("planRevision");
        expectProblem(HttpRequest.POST(BASE + "/" + actionId + "/readiness",
                Map.of("ready", true, "planRevision", "latest")), 400);
        expectProblem(HttpRequest.POST(BASE + "/" + actionId + "/decision", Map.of("decision", "PERHAPS")), 400);
        expectProblem(HttpRequest.POST(BASE + "/" + actionId + "/status", Map.of("status", "SOMEDAY")), 400);
        expectProblem(HttpRequest.POST(BASE + "/" + actionId + "/status",
                Map.of("status", "CANCELLED", "reason", "x".repeat(2_001))), 400);
        // The coordinator does not answer its own invitation.
        assertThat(expectProblem(HttpRequest.POST(BASE + "/" + actionId + "/participation", Map.of("answer", "ACCEPT")),
                409).code()).isEqualTo("ILLEGAL_TRANSITION");
    }

    @Test
    void unknownActionsAndBadQueriesAreAnswered() {
        assertThat(expectProblem(HttpRequest.GET(BASE + "/00000000-0000-0000-0000-000000000001"), 404).code())
                .isEqualTo("NOT_FOUND");
        expectProblem(HttpRequest.GET(BASE + "/not-a-uuid"), 400);
        expectProblem(HttpRequest.POST(BASE + "/00000000-0000-0000-0000-000000000001/readiness",
                Map.of("ready", true)), 404);
        expectProblem(HttpRequest.GET(BASE + "?status=WHATEVER"), 400);
        expectProblem(HttpRequest.GET(BASE + "?size=100000"), 400);
        assertThat(expectProblem(HttpRequest.GET(BASE + "?from=last-week"), 400).errors())
                .extracting(ProblemDetail.FieldError::field).containsExactly("from");
        expectProblem(HttpRequest.GET(BASE + "?from=2026-12-10&to=2026-12-01"), 400);
        expectProblem(HttpRequest.PATCH(BASE + "/" + actionId, Map.of("title", "x")).header("If-Match", "\"7\""), 412);
    }

    /** An action taken to IN_PROGRESS with the partner node, so outcome reports reach their validation. */
    private String startedAction() {
        String id = (String) node.http().retrieve(HttpRequest.POST(BASE, valid()).bearerAuth(node.liaison()), Map.class)
                .get("id");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> partner.http()
                .exchange(HttpRequest.POST(BASE + "/" + id + "/participation", Map.of("answer", "ACCEPT"))
                        .bearerAuth(partner.liaison())).getStatus().getCode() == 200);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> node.http()
                .exchange(HttpRequest.POST(BASE + "/" + id + "/readiness", Map.of("ready", true))
                        .bearerAuth(node.liaison())).getStatus().getCode() == 200);
        partner.http().exchange(HttpRequest.POST(BASE + "/" + id + "/readiness", Map.of("ready", true))
                .bearerAuth(partner.liaison()));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> node.http()
                .exchange(HttpRequest.POST(BASE + "/" + id + "/decision", Map.of("decision", "GO"))
                        .bearerAuth(node.liaison())).getStatus().getCode() == 200);
        node.http().exchange(HttpRequest.POST(BASE + "/" + id + "/status", Map.of("status", "IN_PROGRESS"))
                .bearerAuth(node.liaison()));
        return id;
    }

    private static Map<String, Object> asset(String amount, String currency) {
        return Map.of("kind", "CASH", "description", "Cash", "amount", amount, "currency", currency);
    }

    private static Map<String, Object> valid() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Operation Validation");
        body.put("objective", "Check the input");
        body.put("participants", List.of(Map.of("agency", "NL-NHTC", "role", "PARTICIPANT")));
        body.put("windowStart", START.toString());
        body.put("windowEnd", START.plus(6, ChronoUnit.HOURS).toString());
        body.put("handlingMarking", "GREEN");
        return body;
    }

    private ProblemDetail expectProblem(MutableHttpRequest<?> request, int status) {
        try {
            node.http().exchange(request.bearerAuth(node.liaison()));
        } catch (HttpClientResponseException e) {
            assertThat(e.getStatus().getCode()).as(e.getResponse().getBody(String.class).orElse("")).isEqualTo(status);
            assertThat(e.getResponse().getContentType()).hasValueSatisfying(type ->
                    assertThat(type.toString()).isEqualTo(ProblemDetail.MEDIA_TYPE));
            String body = e.getResponse().getBody(String.class).orElseThrow();
            try {
                ProblemDetail problem = node.bean(JsonMapper.class).readValue(body, ProblemDetail.class);
                assertThat(problem.status()).isEqualTo(status);
                assertThat(problem.detail()).isNotBlank();
                return problem;
            } catch (IOException io) {
                throw new AssertionError("not a problem body: " + body, io);
            }
        }
        throw new AssertionError(request.getPath() + " was accepted");
    }
}
