package org.casebridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.casebridge.security.domain.Role;
import org.casebridge.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code /api} endpoint, for every role and without a token: a role the endpoint does not allow gets 403, no
 * token gets 401, an allowed role gets past authorization (whatever the endpoint then says about the input).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointAuthorizationIT {

    private static final String CASE = "/api/v1/cases/6f0f4f1e-9d3b-4c84-9b9e-3d8a7f3b2c11";
    private static final String JOINT_ACTION = "/api/v1/joint-actions/2b7f4c1e-5d3a-4e84-8b9e-1d8a7f3b2c22";
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> CASE_WORKERS = EnumSet.of(Role.LIAISON, Role.SUPERVISOR);
    private static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);
    private static final String REQUEST = "/api/v1/evidence-requests/0b7d3c5e-1f2a-4e6b-8c9d-0a1b2c3d4e5f";
    private static final Set<Role> LIAISONS = EnumSet.of(Role.LIAISON);
    private static final Set<Role> SUPERVISORS = EnumSet.of(Role.SUPERVISOR);

    /** One endpoint and the roles allowed to call it. */
    record Endpoint(HttpMethod method, String path, Object body, Set<Role> allowed) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Endpoint> endpoints() {
        Map<String, Object> newCase = Map.of("title", "t", "summary", "s", "crimeCategories", List.of("ILLEGAL_ACCESS"),
                "handlingMarking", "GREEN");
        return List.of(
                new Endpoint(HttpMethod.GET, "/api/v1/node", null, EVERYONE),
                new Endpoint(HttpMethod.GET, "/api/v1/partners", null, EVERYONE),
                new Endpoint(HttpMethod.GET, "/api/v1/partners/NL-NHTC", null, EVERYONE),
                new Endpoint(HttpMethod.GET, "/api/v1/cases", null, CASE_WORKERS),
                new Endpoint(HttpMethod.POST, "/api/v1/cases", newCase, CASE_WORKERS),
                new Endpoint(HttpMethod.GET, CASE, null, CASE_WORKERS),
                new Endpoint(HttpMethod.PATCH, CASE, Map.of("title", "x"), CASE_WORKERS),
                new Endpoint(HttpMethod.POST, CASE + "/shares", Map.of("agency", "NL-NHTC"), CASE_WORKERS),
                new Endpoint(HttpMethod.DELETE, CASE + "/shares/NL-NHTC", null, CASE_WORKERS),
                new Endpoint(HttpMethod.POST, CASE + "/contributions", Map.of("text", "note"), CASE_WORKERS),
                new Endpoint(HttpMethod.GET, CASE + "/deliveries", null, CASE_WORKERS),
                new Endpoint(HttpMethod.GET, CASE + "/timeline", null, CASE_WORKERS),
                new Endpoint(HttpMethod.GET, "/api/v1/instruments", null, EVERYONE),
                new Endpoint(HttpMethod.GET, "/api/v1/evidence-requests", null, CASE_WORKERS),
                new Endpoint(HttpMethod.POST, "/api/v1/evidence-requests", Map.of("instrument", "EU_EPOC"), LIAISONS),
                new Endpoint(HttpMethod.GET, REQUEST, null, CASE_WORKERS),
                new Endpoint(HttpMethod.POST, REQUEST + "/submit", Map.of(), LIAISONS),
                new Endpoint(HttpMethod.POST, REQUEST + "/approve", Map.of(), SUPERVISORS),
                new Endpoint(HttpMethod.POST, REQUEST + "/decision", Map.of("decision", "ACCEPT"), CASE_WORKERS),
                new Endpoint(HttpMethod.POST, REQUEST + "/information", Map.of("information", "x"), CASE_WORKERS),
                new Endpoint(HttpMethod.POST, REQUEST + "/progress", Map.of("note", "x"), CASE_WORKERS),
                new Endpoint(HttpMethod.POST, REQUEST + "/fulfilment", Map.of("items", List.of()), CASE_WORKERS),
                new Endpoint(HttpMethod.POST, REQUEST + "/withdraw", Map.of("reason", "x"), CASE_WORKERS),
                new Endpoint(HttpMethod.POST, REQUEST + "/close", Map.of(), CASE_WORKERS),
                new Endpoint(HttpMethod.POST, REQUEST + "/extension", Map.of("extension", "P30D"), CASE_WORKERS),
                new Endpoint(HttpMethod.POST, REQUEST + "/manifests/5c1e9a7b-3d2f-4a6e-9b8c-7d6e5f4a3b2c/check",
                        Map.of("evidenceId", "5c1e9a7b-3d2f-4a6e-9b8c-7d6e5f4a3b2d", "sizeBytes", 1,
                                "sha256", "a".repeat(64)), CASE_WORKERS),
                new Endpoint(HttpMethod.GET, "/api/v1/joint-actions", null, CASE_WORKERS),
                new Endpoint(HttpMethod.POST, "/api/v1/joint-actions", Map.of("title", "t"), CASE_WORKERS),
                new Endpoint(HttpMethod.GET, JOINT_ACTION, null, CASE_WORKERS),
                new Endpoint(HttpMethod.PATCH, JOINT_ACTION, Map.of("title", "x"), CASE_WORKERS),
                new Endpoint(HttpMethod.POST, JOINT_ACTION + "/participation", Map.of("answer", "ACCEPT"), CASE_WORKERS),
                new Endpoint(HttpMethod.POST, JOINT_ACTION + "/readiness", Map.of("ready", true), CASE_WORKERS),
                new Endpoint(HttpMethod.POST, JOINT_ACTION + "/decision", Map.of("decision", "GO"), CASE_WORKERS),
                new Endpoint(HttpMethod.POST, JOINT_ACTION + "/status", Map.of("status", "CANCELLED"), CASE_WORKERS),
                new Endpoint(HttpMethod.POST, JOINT_ACTION + "/outcomes", Map.of("arrests", 1), CASE_WORKERS),
                new Endpoint(HttpMethod.GET, "/api/v1/users", null, ADMINS),
                new Endpoint(HttpMethod.GET, "/api/v1/users/nobody", null, ADMINS),
                new Endpoint(HttpMethod.POST, "/api/v1/users", Map.of("username", "x"), ADMINS),
                new Endpoint(HttpMethod.PATCH, "/api/v1/users/nobody", Map.of("displayName", "x"), ADMINS),
                new Endpoint(HttpMethod.POST, "/api/v1/users/nobody/password", Map.of("password", "x"), ADMINS),
                new Endpoint(HttpMethod.POST, "/api/v1/users/nobody/unlock", Map.of(), ADMINS),
                new Endpoint(HttpMethod.GET, "/api/v1/audit", null, ADMINS),
                new Endpoint(HttpMethod.GET, "/api/v1/audit/verify", null, ADMINS));
    }

    static Stream<Arguments> everyEndpointForEveryRole() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Role role : Role.values()) {
                cases.add(Arguments.of(endpoint, role));
            }
        }
        return cases.stream();
    }

    private TestNode node;

    @BeforeAll
    void start() {
        node = TestNode.start("DE-BKA");
    }

    @AfterAll
    void stop() {
        node.close();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointForEveryRole")
    void eachRoleIsAllowedExactlyWhatItsEndpointsGrant(Endpoint endpoint, Role role) {
        int status = call(endpoint, node.token("authz-" + role.name().toLowerCase(), role));
        if (endpoint.allowed().contains(role)) {
            assertThat(status).as("%s as %s", endpoint, role).isNotIn(401, 403);
        } else {
            assertThat(status).as("%s as %s", endpoint, role).isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "{0} without a token")
    @MethodSource("endpoints")
    void noTokenIsUnauthorized(Endpoint endpoint) {
        assertThat(call(endpoint, null)).isEqualTo(401);
    }

    private int call(Endpoint endpoint, String token) {
        MutableHttpRequest<Object> request = HttpRequest.create(endpoint.method(), endpoint.path());
        if (endpoint.body() != null) {
            request.body(endpoint.body());
        }
        if (endpoint.method() == HttpMethod.PATCH && endpoint.path().startsWith("/api/v1/cases")) {
            request.header("If-Match", "\"1\"");
        }
        if (token != null) {
            request.bearerAuth(token);
        }
        try {
            return node.http().exchange(request).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
