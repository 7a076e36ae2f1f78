package org.casebridge.partners.web;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.casebridge.directory.HandlingMarking;
import org.casebridge.directory.PartnerAgency;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.security.SecurityTestNode;
import org.casebridge.security.TestTokens;
import org.casebridge.security.domain.Role;
import org.casebridge.support.problem.ProblemDetail;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerApiIT implements TestPropertyProvider {

    private static final Argument<List<Map<String, Object>>> PARTNERS =
            Argument.listOf(Argument.mapOf(String.class, Object.class));

    @Inject
    @Client("/")
    HttpClient httpClient;

    @Inject
    TestTokens tokens;

    @Inject
    PartnerDirectory directory;

    @Inject
    JsonMapper json;

    private BlockingHttpClient client;
    private String token;

    @Override
    public Map<String, String> getProperties() {
        return SecurityTestNode.properties("partner_api");
    }

    @BeforeAll
    void setUp() {
        client = httpClient.toBlocking();
        token = tokens.bearer("partner-reader", Role.ANALYST);
    }

    @Test
    void listsTheWholeDirectoryInOrder() {
        List<Map<String, Object>> partners = list("");

        assertThat(partners).extracting(partner -> partner.get("code")).containsExactlyElementsOf(directory.codes());
        Map<String, Object> bka = partners.get(directory.codes().indexOf("DE-BKA"));
        PartnerAgency expected = directory.require("DE-BKA");
        assertThat(bka).containsEntry("name", expected.name())
                .containsEntry("jurisdiction", "DE")
                .containsEntry("timeZone", "Europe/Berlin")
                .containsEntry("languages", List.of("de", "en"))
                .containsEntry("inboxTopic", "casebridge.inbox.DE-BKA")
                .containsEntry("publicKey", expected.publicKeyBase64())
                .containsEntry("sharingCeiling", expected.sharingCeiling().name())
                .containsEntry("sharingCeilingLabel", expected.sharingCeiling().label());
        assertThat(bka.get("contact")).isEqualTo(Map.of("desk", expected.contact().desk(),
                "phone", expected.contact().phone(), "email", expected.contact().email()));
    }

    @Test
    void filtersByCountryOrSubdivision() {
        PartnerAgency subNational = directory.agencies().stream().filter(PartnerAgency::isSubNational).findFirst()
                .orElseThrow(() -> new AssertionError("the shipped directory has sub-national agencies"));

        List<Map<String, Object>> byCountry = list("?jurisdiction=" + subNational.country().toLowerCase());
        List<Map<String, Object>> bySubdivision = list("?jurisdiction=" + subNational.jurisdiction());

        assertThat(byCountry).extracting(partner -> partner.get("code")).containsExactlyElementsOf(
                directory.agencies().stream().filter(a -> a.country().equals(subNational.country()))
                        .map(PartnerAgency::code).toList());
        assertThat(byCountry).extracting(partner -> partner.get("code")).contains(subNational.code());
        assertThat(bySubdivision).extracting(partner -> partner.get("jurisdiction"))
                .containsOnly(subNational.jurisdiction());
        assertThat(list("?jurisdiction=ZZ")).isEmpty();
    }

    @Test
    void filtersBySharingCeiling() {
        for (HandlingMarking marking : HandlingMarking.values()) {
            List<Map<String, Object>> partners = list("?ceiling=" + marking.name());

            assertThat(partners).extracting(partner -> partner.get("code")).containsExactlyElementsOf(
                    directory.agencies().stream().filter(a -> a.sharingCeiling() == marking)
                            .map(PartnerAgency::code).toList());
        }
        assertThat(list("?ceiling=TLP:RED")).hasSameSizeAs(list("?ceiling=RED"));
    }

    @Test
    void unknownCeilingIs400() {
        HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class,
                () -> list("?ceiling=PURPLE"));

        assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        ProblemDetail problem = SecurityTestNode.problem(refused, json);
        assertThat(problem.code()).isEqualTo("INVALID_PARAMETER");
        assertThat(problem.errors()).extracting(ProblemDetail.FieldError::field).containsExactly("ceiling");
    }

    @Test
    void readsOnePartner() {
        Map<String, Object> partner = client.retrieve(HttpRequest.GET("/api/v1/partners/NL-NHTC").bearerAuth(token),
                Argument.mapOf(String.class, Object.class));

        assertThat(partner).containsEntry("code", "NL-NHTC").containsEntry("jurisdiction", "NL");
    }

    @Test
    void unknownPartnerIs404() {
        HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/v1/partners/XX-NONE").bearerAuth(token)));

        assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        ProblemDetail problem = SecurityTestNode.problem(refused, json);
        assertThat(problem.code()).isEqualTo("NOT_FOUND");
        assertThat(problem.detail()).contains("XX-NONE");
    }

    @Test
    void everyRoleMayReadButAnonymousMayNot() {
        for (Role role : Role.values()) {
            String roleToken = tokens.bearer("partners-" + role.name().toLowerCase(), role);
            assertThat(client.exchange(HttpRequest.GET("/api/v1/partners").bearerAuth(roleToken), String.class)
                    .getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
        }
        HttpClientResponseException anonymous = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/v1/partners/DE-BKA")));
        assertThat(anonymous.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    }

    private List<Map<String, Object>> list(String query) {
        return client.retrieve(HttpRequest.GET("/api/v1/partners" + query).bearerAuth(token), PARTNERS);
    }
}
