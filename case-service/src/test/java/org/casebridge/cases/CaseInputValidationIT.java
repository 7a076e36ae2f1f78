package org.casebridge.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casebridge.support.problem.ProblemDetail;
import org.casebridge.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Bad input to the case API gets a 4xx problem body that says what is wrong, never a 5xx. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseInputValidationIT {

    private TestNode node;
    private String caseId;

    @BeforeAll
    void start() {
        node = TestNode.start("DE-BKA");
        caseId = (String) node.http().retrieve(post("/api/v1/cases", validCase()).bearerAuth(node.liaison()), Map.class)
                .get("id");
    }

    @AfterAll
    void stop() {
        node.close();
    }

    @Test
    void invalidJsonIsABadRequest() {
        ProblemDetail problem = expectProblem(HttpRequest.POST("/api/v1/cases", "{\"title\": ")
                .contentType(MediaType.APPLICATION_JSON), 400);
        assertThat(problem.code()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void aFieldOfTheWrongTypeIsABadRequest() {
        Map<String, Object> body = validCase();
        body.put("crimeCategories", "RANSOMWARE_EXTORTION");
        body.put("priority", 7);
        expectProblem(post("/api/v1/cases", body), 400);
    }

    @Test
    void missingAndOverLongFieldsAreNamed() {
        Map<String, Object> body = validCase();
        body.remove("title");
        body.put("summary", "x".repeat(20_001));
        ProblemDetail problem = expectProblem(post("/api/v1/cases", body), 400);
        assertThat(problem.errors()).extracting(ProblemDetail.FieldError::field).contains("title", "summary");
    }

    @Test
    void unknownCategoryAndIllegalMarkingAreRefused() {
        Map<String, Object> unknownCategory = validCase();
        unknownCategory.put("crimeCategories", List.of("JAYWALKING"));
        ProblemDetail category = expectProblem(post("/api/v1/cases", unknownCategory), 422);
        assertThat(category.code()).isEqualTo("UNKNOWN_CATEGORY");
        assertThat(category.errors()).extracting(ProblemDetail.FieldError::field).containsExactly("crimeCategories");

        Map<String, Object> badMarking = validCase();
        badMarking.put("handlingMarking", "TLP:PURPLE");
        ProblemDetail marking = expectProblem(post("/api/v1/cases", badMarking), 400);
        assertThat(marking.errors()).extracting(ProblemDetail.FieldError::field).containsExactly("handlingMarking");
    }

    @Test
    void sharingWithAnUnknownPartnerOrItselfIsRefused() {
        ProblemDetail unknown = expectProblem(post("/api/v1/cases/" + caseId + "/shares", Map.of("agency", "XX-NOBODY")),
                422);
        assertThat(unknown.detail()).contains("XX-NOBODY");
        ProblemDetail self = expectProblem(post("/api/v1/cases/" + caseId + "/shares", Map.of("agency", "DE-BKA")), 422);
        assertThat(self.code()).isEqualTo("SELF");
        ProblemDetail malformed = expectProblem(post("/api/v1/cases/" + caseId + "/shares", Map.of("agency", "nobody")),
                400);
        assertThat(malformed.errors()).extracting(ProblemDetail.FieldError::field).containsExactly("agency");
    }

    @Test
    void anUnknownCaseIsNotFound() {
        ProblemDetail problem = expectProblem(HttpRequest.GET("/api/v1/cases/00000000-0000-0000-0000-000000000001"), 404);
        assertThat(problem.code()).isEqualTo("NOT_FOUND");
        expectProblem(HttpRequest.GET("/api/v1/cases/not-a-uuid"), 400);
    }

    @Test
    void updatesNeedTheCurrentETag() {
        ProblemDetail missing = expectProblem(HttpRequest.PATCH("/api/v1/cases/" + caseId, Map.of("title", "New")), 428);
        assertThat(missing.code()).isEqualTo("IF_MATCH_REQUIRED");
        ProblemDetail stale = expectProblem(HttpRequest.PATCH("/api/v1/cases/" + caseId, Map.of("title", "New"))
                .header("If-Match", "\"41\""), 412);
        assertThat(stale.code()).isEqualTo("STALE_VERSION");
    }

    @Test
    void badQueryParametersAreNamed() {
        expectProblem(HttpRequest.GET("/api/v1/cases?size=100000"), 400);
        expectProblem(HttpRequest.GET("/api/v1/cases?status=WHATEVER"), 400);
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

    private static MutableHttpRequest<Object> post(String path, Object body) {
        return HttpRequest.POST(path, body);
    }

    private static Map<String, Object> validCase() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Investment fraud call centre");
        body.put("summary", "Victims in four countries");
        body.put("crimeCategories", List.of("COMPUTER_FRAUD"));
        body.put("handlingMarking", "GREEN");
        return body;
    }
}
