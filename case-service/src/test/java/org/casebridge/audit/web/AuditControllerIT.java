package org.casebridge.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebridge.audit.app.AuditTrail;
import org.casebridge.audit.domain.AuditAction;
import org.casebridge.audit.domain.AuditActor;
import org.casebridge.audit.domain.AuditEvent;
import org.casebridge.security.SecurityTestNode;
import org.casebridge.security.TestTokens;
import org.casebridge.security.domain.Role;
import org.casebridge.support.problem.ProblemDetail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code GET /api/v1/audit} and {@code GET /api/v1/audit/verify} over HTTP, with real tokens and database. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditControllerIT implements TestPropertyProvider {

    private static final String ADMIN = "audit.admin";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestTokens tokens;
    @Inject
    AuditTrail auditTrail;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return SecurityTestNode.properties("audit_web");
    }

    @Test
    void listsNewestFirstFilteredByObject() {
        String caseId = UUID.randomUUID().toString();
        AuditActor liaison = AuditActor.user("k.weber", "DE-BKA", List.of("LIAISON"), null);
        auditTrail.record(AuditEvent.success(AuditAction.CASE_CREATED, "CASE", caseId), liaison);
        auditTrail.record(AuditEvent.success(AuditAction.CASE_READ, "CASE", caseId), liaison);
        auditTrail.record(AuditEvent.success(AuditAction.CASE_UPDATED, "CASE", caseId), liaison);

        AuditLogPageView page = client.toBlocking().retrieve(
                asAdmin(HttpRequest.GET("/api/v1/audit?objectType=CASE&objectId=" + caseId + "&size=2")),
                AuditLogPageView.class);

        assertThat(page.items()).extracting(AuditEntryView::action).containsExactly("CASE_UPDATED", "CASE_READ");
        assertThat(page.items().get(0).sequence()).isGreaterThan(page.items().get(1).sequence());
        assertThat(page.items().get(0).roles()).containsExactly("LIAISON");
        assertThat(page.hasMore()).isTrue();

        AuditLogPageView second = client.toBlocking().retrieve(
                asAdmin(HttpRequest.GET("/api/v1/audit?objectId=" + caseId + "&size=2&page=1")),
                AuditLogPageView.class);
        assertThat(second.items()).extracting(AuditEntryView::action).containsExactly("CASE_CREATED");
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    void filtersByActionAndTimeWindow() {
        AuditLogPageView none = client.toBlocking().retrieve(asAdmin(HttpRequest.GET(
                        "/api/v1/audit?action=CASE_READ&from=2999-01-01T00:00:00Z")), AuditLogPageView.class);
        assertThat(none.items()).isEmpty();

        auditTrail.record(AuditEvent.success(AuditAction.STATISTICS_EXPORTED, null, null),
                AuditActor.system("DE-BKA", null));
        AuditLogPageView exported = client.toBlocking().retrieve(asAdmin(HttpRequest.GET(
                "/api/v1/audit?action=STATISTICS_EXPORTED&from=2000-01-01T00:00:00%2B01:00&to=2999-01-01T00:00:00Z")),
                AuditLogPageView.class);
        assertThat(exported.items()).isNotEmpty().allSatisfy(item -> {
            assertThat(item.action()).isEqualTo("STATISTICS_EXPORTED");
            assertThat(item.username()).isEqualTo("system");
        });
    }

    @Test
    void badParametersAreAProblemNamingEachField() {
        HttpClientResponseException error = catchError(asAdmin(HttpRequest.GET(
                "/api/v1/audit?page=-1&size=501&from=yesterday&to=2025-13-01T00:00:00Z")));

        assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(error.getResponse().getContentType()).hasValueSatisfying(
                type -> assertThat(type.toString()).startsWith(ProblemDetail.MEDIA_TYPE));
        ProblemDetail problem = SecurityTestNode.problem(error, json);
        assertThat(problem.code()).isEqualTo("INVALID_QUERY_PARAMETER");
        assertThat(problem.errors()).extracting(ProblemDetail.FieldError::field)
                .containsExactlyInAnyOrder("page", "size", "from", "to");
    }

    @Test
    void timeWindowMustNotBeEmpty() {
        HttpClientResponseException error = catchError(asAdmin(HttpRequest.GET(
                "/api/v1/audit?from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z")));

        assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(SecurityTestNode.problem(error, json).errors()).extracting(ProblemDetail.FieldError::field)
                .containsExactly("to");
    }

    @Test
    void onlyAdministratorsMayReadOrVerify() {
        String liaison = tokens.bearer("audit.liaison", Role.LIAISON);

        assertThat(catchError(HttpRequest.GET("/api/v1/audit").bearerAuth(liaison)).getStatus().getCode())
                .isEqualTo(HttpStatus.FORBIDDEN.getCode());
        assertThat(catchError(HttpRequest.GET("/api/v1/audit/verify").bearerAuth(liaison)).getStatus().getCode())
                .isEqualTo(HttpStatus.FORBIDDEN.getCode());
        assertThat(catchError(HttpRequest.GET("/api/v1/audit")).getStatus().getCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    }

    @Test
    void verifyReportsAnIntactChainAndIsItselfAuditedUnderTheRequestId() {
        String requestId = "verify-" + UUID.randomUUID();

        HttpResponse<AuditVerificationView> response = client.toBlocking().exchange(
                asAdmin(HttpRequest.GET("/api/v1/audit/verify")).header("X-Request-Id", requestId),
                AuditVerificationView.class);

        assertThat(response.header("X-Request-Id")).isEqualTo(requestId);
        AuditVerificationView verification = response.body();
        assertThat(verification.valid()).isTrue();
        assertThat(verification.firstBrokenSequence()).isNull();
        assertThat(verification.rowsChecked()).isEqualTo(verification.headSequence());

        AuditLogPageView audited = client.toBlocking().retrieve(
                asAdmin(HttpRequest.GET("/api/v1/audit?action=AUDIT_VERIFIED&size=1")), AuditLogPageView.class);
        AuditEntryView entry = audited.items().get(0);
        assertThat(entry.requestId()).isEqualTo(requestId);
        assertThat(entry.username()).isEqualTo(ADMIN);
        assertThat(entry.agency()).isEqualTo(SecurityTestNode.AGENCY);
        assertThat(entry.roles()).contains("ADMIN");
        assertThat(entry.outcome()).isEqualTo("SUCCESS");
    }

    @Test
    void missingOrMalformedRequestIdIsReplacedByAFreshOne() {
        HttpResponse<String> response = client.toBlocking().exchange(
                asAdmin(HttpRequest.GET("/api/v1/audit?size=1")).header("X-Request-Id", "bad id\twith tab"),
                String.class);

        String echoed = response.header("X-Request-Id");
        assertThat(echoed).isNotBlank().isNotEqualTo("bad id\twith tab");
        assertThat(UUID.fromString(echoed)).isNotNull();

        HttpClientResponseException refused = catchError(HttpRequest.GET("/api/v1/audit"));
        assertThat(refused.getResponse().header("X-Request-Id")).isNotBlank();
    }

    private <B> MutableHttpRequest<B> asAdmin(MutableHttpRequest<B> request) {
        return request.bearerAuth(tokens.bearer(ADMIN, Role.ADMIN));
    }

    private HttpClientResponseException catchError(HttpRequest<?> request) {
        Throwable thrown = catchThrowable(
                () -> client.toBlocking().exchange(request, Argument.of(String.class), Argument.of(String.class)));
        assertThat(thrown).isInstanceOf(HttpClientResponseException.class);
        return (HttpClientResponseException) thrown;
    }
}
