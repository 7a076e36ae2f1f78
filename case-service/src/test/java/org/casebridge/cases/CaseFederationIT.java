package org.casebridge.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionFactory;
import org.casebridge.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Three agency nodes on real PostgreSQL and Kafka: A (DE-BKA) shares a case with B (NL-NHTC) only; C (FR-OFAC) never
 * sees it. Updates, contributions, revocation and purge travel as signed messages and come back as receipts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseFederationIT {

    private static final Duration FEDERATION_TIMEOUT = Duration.ofSeconds(30);

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
    void aSharedCaseTravelsUpdatesContributionsAndRevocationBetweenNodes() {
        String caseId = createCase(a, "Ransomware affiliate infrastructure", "AMBER");
        share(a, caseId, "NL-NHTC");
        share(a, caseId, "FR-OFAC");

        // B and C receive read-only copies that name their origin.
        eventually().untilAsserted(() -> {
            Map<?, ?> copy = get(b, "/api/v1/cases/" + caseId);
            assertThat((Object) copy.get("copy")).isEqualTo(true);
            assertThat((Object) copy.get("originAgency")).isEqualTo("DE-BKA");
            assertThat((Object) copy.get("title")).isEqualTo("Ransomware affiliate infrastructure");
        });
        eventually().untilAsserted(() -> assertThat((Object) get(c, "/api/v1/cases/" + caseId)).isNotNull());

        // A's update reaches B in order.
        HttpResponse<Map> updated = a.http().exchange(HttpRequest.PATCH("/api/v1/cases/" + caseId,
                        Map.of("status", "ACTIVE", "priority", "HIGH", "summary", "Affiliates rent servers at two hosters"))
                .header("If-Match", "\"1\"").bearerAuth(a.liaison()), Map.class);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");
        eventually().untilAsserted(() -> {
            Map<?, ?> copy = get(b, "/api/v1/cases/" + caseId);
            assertThat((Object) copy.get("version")).isEqualTo(2);
            assertThat((Object) copy.get("status")).isEqualTo("ACTIVE");
            assertThat((Object) copy.get("summary")).isEqualTo("Affiliates rent servers at two hosters");
        });

        // A copy is read-only at B.
        assertThatThrownBy(() -> b.http().exchange(HttpRequest.PATCH("/api/v1/cases/" + caseId, Map.of("title", "x"))
                .header("If-Match", "\"2\"").bearerAuth(b.liaison())))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.CONFLICT.getCode()));

        // B contributes: A receives it, then every agency the case is shared with (C) does too.
        b.http().exchange(HttpRequest.POST("/api/v1/cases/" + caseId + "/contributions",
                Map.of("kind", "FINDING", "text", "Two C2 servers at a Dutch hoster")).bearerAuth(b.liaison()));
        eventually().untilAsserted(() ->
                assertThat(contributionTexts(a, caseId)).containsExactly("Two C2 servers at a Dutch hoster"));
        eventually().untilAsserted(() ->
                assertThat(contributionTexts(c, caseId)).containsExactly("Two C2 servers at a Dutch hoster"));

        // A revokes B: B purges its copy and confirms; C keeps its copy.
        HttpResponse<?> revoked = a.http().exchange(HttpRequest.DELETE("/api/v1/cases/" + caseId + "/shares/NL-NHTC")
                .bearerAuth(a.liaison()));
        assertThat(revoked.getStatus().getCode()).isEqualTo(HttpStatus.NO_CONTENT.getCode());
        eventually().untilAsserted(() -> assertThat(status(b, "/api/v1/cases/" + caseId))
                .isEqualTo(404));
        eventually().untilAsserted(() -> {
            List<Map<?, ?>> shares = list(get(a, "/api/v1/cases/" + caseId).get("shares"));
            assertThat(shares).anySatisfy(share -> {
                assertThat((Object) share.get("agency")).isEqualTo("NL-NHTC");
                assertThat((Object) share.get("status")).isEqualTo("PURGED");
            });
        });
        assertThat(status(c, "/api/v1/cases/" + caseId)).isEqualTo(200);

        // Every message A sent was applied by its recipient.
        eventually().untilAsserted(() -> {
            List<Map<?, ?>> deliveries = list(a.http().retrieve(HttpRequest.GET("/api/v1/cases/" + caseId
                    + "/deliveries").bearerAuth(a.liaison()), Argument.listOf(Map.class)));
            assertThat(deliveries).extracting(d -> (String) d.get("type")).contains("CaseShared", "CaseUpdated",
                    "CaseContributionAdded", "CaseShareRevoked");
            assertThat(deliveries).allSatisfy(d -> assertThat((Object) d.get("status")).isEqualTo("APPLIED"));
        });

        // The timeline tells the story from the audit log.
        List<Map<?, ?>> timeline = list(a.http().retrieve(HttpRequest.GET("/api/v1/cases/" + caseId + "/timeline")
                .bearerAuth(a.liaison()), Argument.listOf(Map.class)));
        assertThat(timeline).extracting(e -> (String) e.get("action")).contains("CASE_CREATED", "CASE_SHARED", "CASE_UPDATED",
                "PARTNER_UPDATE_APPLIED", "SHARE_REVOKED");
    }

    @Test
    void anAgencyTheCaseIsNotSharedWithNeverSeesIt() {
        String caseId = createCase(a, "Business e-mail compromise ring", "GREEN");
        share(a, caseId, "NL-NHTC");
        eventually().untilAsserted(() -> assertThat(status(b, "/api/v1/cases/" + caseId))
                .isEqualTo(200));
        assertThat(status(c, "/api/v1/cases/" + caseId)).isEqualTo(404);
        Map<?, ?> cList = c.http().retrieve(HttpRequest.GET("/api/v1/cases?size=200").bearerAuth(c.liaison()), Map.class);
        assertThat(list(cList.get("items"))).noneSatisfy(item -> assertThat((Object) item.get("id")).isEqualTo(caseId));
    }

    @Test
    void markingsAboveAPartnersCeilingAndRedCasesWithoutNamingAreRefused() {
        // FR-OFAC may receive at most AMBER+STRICT.
        String redCase = createCase(a, "Extortion of a hospital", "RED");
        HttpClientResponseException ceiling = shareExpectingError(a, redCase, "FR-OFAC");
        assertThat(ceiling.getStatus().getCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
        assertThat(ceiling.getResponse().getBody(String.class).orElseThrow()).contains("MARKING_CEILING")
                .contains("TLP:AMBER+STRICT");

        HttpClientResponseException notNamed = shareExpectingError(a, redCase, "NL-NHTC");
        assertThat(notNamed.getStatus().getCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
        assertThat(notNamed.getResponse().getBody(String.class).orElseThrow()).contains("RED_NOT_NAMED");

        HttpClientResponseException self = shareExpectingError(a, redCase, "DE-BKA");
        assertThat(self.getStatus().getCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
        assertThat(self.getResponse().getBody(String.class).orElseThrow()).contains("SELF");

        String named = (String) a.http().retrieve(HttpRequest.POST("/api/v1/cases", Map.of(
                "title", "Extortion of a hospital (named)", "summary", "Named recipients only",
                "crimeCategories", List.of("RANSOMWARE_EXTORTION"), "handlingMarking", "RED",
                "namedRecipients", List.of("NL-NHTC"))).bearerAuth(a.liaison()), Map.class).get("id");
        share(a, named, "NL-NHTC");
        eventually().untilAsserted(() ->
                assertThat((Object) get(b, "/api/v1/cases/" + named).get("handlingMarking")).isEqualTo("RED"));
    }

    /** Federation is asynchronous: retry until the partner has caught up, through 404s while it has not. */
    private static ConditionFactory eventually() {
        return await().atMost(FEDERATION_TIMEOUT).ignoreExceptions();
    }

    private static String createCase(TestNode node, String title, String marking) {
        HttpResponse<Map> created = node.http().exchange(HttpRequest.POST("/api/v1/cases", Map.of(
                "title", title,
                "summary", "Summary of " + title,
                "crimeCategories", List.of("RANSOMWARE_EXTORTION", "ILLEGAL_ACCESS"),
                "priority", "NORMAL",
                "handlingMarking", marking)).bearerAuth(node.liaison()), Map.class);
        assertThat(created.getStatus().getCode()).isEqualTo(HttpStatus.CREATED.getCode());
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        return (String) created.body().get("id");
    }

    private static void share(TestNode node, String caseId, String partner) {
        HttpResponse<?> response = node.http().exchange(HttpRequest.POST("/api/v1/cases/" + caseId + "/shares",
                Map.of("agency", partner)).bearerAuth(node.liaison()));
        assertThat(response.getStatus().getCode()).isEqualTo(HttpStatus.CREATED.getCode());
    }

    private static HttpClientResponseException shareExpectingError(TestNode node, String caseId, String partner) {
        try {
            node.http().exchange(HttpRequest.POST("/api/v1/cases/" + caseId + "/shares", Map.of("agency", partner))
                    .bearerAuth(node.liaison()));
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("sharing " + caseId + " with " + partner + " was accepted");
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

    private static List<String> contributionTexts(TestNode node, String caseId) {
        return list(get(node, "/api/v1/cases/" + caseId).get("contributions")).stream()
                .map(c -> (String) c.get("text")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> list(Object value) {
        return (List<Map<?, ?>>) value;
    }
}
