package org.casebridge.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casebridge.requests.RequestApi.BASE;
import static org.casebridge.requests.RequestApi.createCase;
import static org.casebridge.requests.RequestApi.draftBody;
import static org.casebridge.requests.RequestApi.errorFields;
import static org.casebridge.requests.RequestApi.list;
import static org.casebridge.requests.RequestApi.post;
import static org.casebridge.requests.RequestApi.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebridge.security.domain.Role;
import org.casebridge.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Bad input to the evidence request API gets a 4xx problem that names what is wrong, never a 5xx. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceRequestInputValidationIT {

    private TestNode node;
    private String caseId;

    @BeforeAll
    void start() {
        node = TestNode.start("DE-BKA");
        caseId = createCase(node, "Validation case", "AMBER");
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void badItemsAreNamedByIndexAndField() {
        Map<String, Object> body = draftBody(caseId, "NL-NHTC", "EU_EPOC", "NORMAL");
        body.put("items", List.of(
                Map.of("type", "IP_ADDRESS", "address", "300.1.2.3",
                        "timeRange", Map.of("from", "2026-03-01T00:00:00Z", "to", "2026-03-02T00:00:00Z")),
                Map.of("type", "FILE_HASH", "algorithm", "SHA_256", "hash", "abc",
                        "timeRange", Map.of("from", "2026-03-01T00:00:00Z", "to", "2026-03-02T00:00:00Z")),
                Map.of("type", "DOMAIN", "domain", "example.org"),
                Map.of("type", "PHONE_NUMBER", "number", "+31 20 123",
                        "timeRange", Map.of("from", "2026-03-03T00:00:00Z", "to", "2026-03-02T00:00:00Z"))));
        Map<String, Object> problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, () -> post(node, BASE, body,
                node.liaison()));
        assertThat(problem.get("code")).isEqualTo("INVALID_FIELDS");
        assertThat(errorFields(problem)).contains("items[0].address", "items[0].timestamp", "items[1].hash",
                "items[2].timeRange", "items[3].number", "items[3].timeRange");
    }

    @Test
    void anUnknownItemTypeOrAlgorithmIsNamed() {
        Map<String, Object> body = draftBody(caseId, "NL-NHTC", "EU_EPOC", "NORMAL");
        body.put("items", List.of(Map.of("type", "CAR_PLATE", "value", "B-XY 123")));
        assertThat(errorFields(problem(HttpStatus.UNPROCESSABLE_ENTITY, () -> post(node, BASE, body, node.liaison()))))
                .containsExactly("items[0].type");
        body.put("items", List.of(Map.of("type", "FILE_HASH", "algorithm", "CRC32", "hash", "abcd1234",
                "timeRange", Map.of("from", "2026-03-01T00:00:00Z", "to", "2026-03-02T00:00:00Z"))));
        assertThat(errorFields(problem(HttpStatus.UNPROCESSABLE_ENTITY, () -> post(node, BASE, body, node.liaison()))))
                .contains("items[0].algorithm");
    }

    @Test
    void instrumentRulesAreChecked() {
        Map<String, Object> unknown = draftBody(caseId, "NL-NHTC", "NO_SUCH_TREATY", "NORMAL");
        assertThat(errorFields(problem(HttpStatus.UNPROCESSABLE_ENTITY, () -> post(node, BASE, unknown,
                node.liaison())))).containsExactly("instrument");
        Map<String, Object> noAccessibility = draftBody(caseId, "NL-NHTC", "EU_2023_977", "URGENT");
        assertThat(errorFields(problem(HttpStatus.UNPROCESSABLE_ENTITY, () -> post(node, BASE, noAccessibility,
                node.liaison())))).containsExactly("accessibility");
        Map<String, Object> dueDate = draftBody(caseId, "NL-NHTC", "EU_EPOC", "NORMAL");
        dueDate.put("dueDate", "2099-01-01T00:00:00Z");
        assertThat(errorFields(problem(HttpStatus.UNPROCESSABLE_ENTITY, () -> post(node, BASE, dueDate,
                node.liaison())))).containsExactly("dueDate");
        Map<String, Object> self = draftBody(caseId, "DE-BKA", "EU_EPOC", "NORMAL");
        assertThat(errorFields(problem(HttpStatus.UNPROCESSABLE_ENTITY, () -> post(node, BASE, self,
                node.liaison())))).contains("requestedAgency");
        Map<String, Object> noCase = draftBody(UUID.randomUUID().toString(), "NL-NHTC", "EU_EPOC", "NORMAL");
        assertThat(errorFields(problem(HttpStatus.UNPROCESSABLE_ENTITY, () -> post(node, BASE, noCase,
                node.liaison())))).containsExactly("caseId");
    }

    @Test
    void aRequestGoesOnlyWhereItsCaseMayBeShared() {
        String redCase = createCase(node, "Red case", "RED");
        Map<String, Object> problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, () -> post(node, BASE,
                draftBody(redCase, "NL-NHTC", "EU_EPOC", "NORMAL"), node.liaison()));
        assertThat(problem.get("code")).isEqualTo("RED_NOT_NAMED");
    }

    @Test
    void malformedBodiesAndParametersAreBadRequests() {
        Map<String, Object> malformed = problem(HttpStatus.BAD_REQUEST, () -> node.http().exchange(
                HttpRequest.POST(BASE, "{\"caseId\": ").contentType(MediaType.APPLICATION_JSON)
                        .bearerAuth(node.liaison())));
        assertThat(malformed.get("code")).isEqualTo("MALFORMED_REQUEST");
        Map<String, Object> missing = problem(HttpStatus.BAD_REQUEST, () -> post(node, BASE,
                Map.of("requestedAgency", "NL-NHTC"), node.liaison()));
        assertThat(errorFields(missing)).contains("caseId", "instrument", "justification", "items");
        problem(HttpStatus.BAD_REQUEST, () -> node.http().exchange(HttpRequest.GET(BASE + "?status=LOST")
                .bearerAuth(node.liaison())));
        problem(HttpStatus.BAD_REQUEST, () -> node.http().exchange(HttpRequest.GET(BASE + "?size=100000")
                .bearerAuth(node.liaison())));
        problem(HttpStatus.BAD_REQUEST, () -> node.http().exchange(HttpRequest.GET(BASE + "/not-a-uuid")
                .bearerAuth(node.liaison())));
        String id = (String) post(node, BASE, draftBody(caseId, "NL-NHTC", "EU_EPOC_PR", "NORMAL"),
                node.liaison()).get("id");
        Map<String, Object> badPeriod = problem(HttpStatus.BAD_REQUEST, () -> post(node, BASE + "/" + id
                + "/extension", Map.of("extension", "thirty days"), node.liaison()));
        assertThat(errorFields(badPeriod)).containsExactly("extension");
    }

    @Test
    void unknownRequestsAreNotFound() {
        String unknown = BASE + "/" + UUID.randomUUID();
        assertThat(problem(HttpStatus.NOT_FOUND, () -> node.http().exchange(HttpRequest.GET(unknown)
                .bearerAuth(node.liaison()))).get("code")).isEqualTo("NOT_FOUND");
        problem(HttpStatus.NOT_FOUND, () -> post(node, unknown + "/submit", null, node.liaison()));
        problem(HttpStatus.NOT_FOUND, () -> post(node, unknown + "/withdraw", Map.of("reason", "x"), node.liaison()));
        problem(HttpStatus.NOT_FOUND, () -> post(node, unknown + "/approve", null,
                node.token("sam.supervisor", Role.SUPERVISOR)));
    }

    @Test
    void theCatalogueListsEveryInstrumentWithItsClocks() {
        Map<?, ?> catalogue = node.http().retrieve(HttpRequest.GET("/api/v1/instruments")
                .bearerAuth(node.token("ana.analyst", Role.ANALYST)), Map.class);
        assertThat(catalogue.get("version")).isEqualTo("2026.1");
        List<Map<String, Object>> instruments = list(catalogue.get("instruments"));
        assertThat(instruments).extracting(i -> i.get("code")).contains("EU_EPOC", "EU_EIO", "BUDAPEST_ART29");
        Map<String, Object> epoc = instruments.stream().filter(i -> "EU_EPOC".equals(i.get("code"))).findFirst()
                .orElseThrow();
        assertThat(list(epoc.get("clocks"))).extracting(c -> c.get("period")).containsExactly("PT8H", "P10D");
    }
}
