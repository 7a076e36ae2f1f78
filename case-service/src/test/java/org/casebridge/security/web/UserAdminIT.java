package org.casebridge.security.web;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.casebridge.security.SecurityTestNode;
import org.casebridge.security.TestTokens;
import org.casebridge.security.domain.Role;
import org.casebridge.security.persistence.UserAccounts;
import org.casebridge.support.problem.ProblemDetail;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserAdminIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient httpClient;

    @Inject
    TestTokens tokens;

    @Inject
    UserAccounts accounts;

    @Inject
    JsonMapper json;

    private BlockingHttpClient client;
    private String admin;

    @Override
    public Map<String, String> getProperties() {
        return SecurityTestNode.properties("security_admin");
    }

    @BeforeAll
    void setUp() {
        client = httpClient.toBlocking();
        // Outside the demo environment a node starts without any user.
        assertThat(accounts.all()).isEmpty();
        admin = tokens.bearer("chief", Role.ADMIN);
    }

    @Test
    void createsAUserWhoCanThenLogIn() {
        HttpResponse<String> created = client.exchange(asAdmin(HttpRequest.POST("/api/v1/users",
                newUser("mara", "LIAISON", "ANALYST"))), String.class);

        assertThat(created.getStatus().getCode()).isEqualTo(HttpStatus.CREATED.getCode());
        assertThat(created.header("Location")).isEqualTo("/api/v1/users/mara");
        Map<String, Object> body = read(created.body());
        assertThat(body).containsEntry("username", "mara")
                .containsEntry("displayName", "Mara Example")
                .containsEntry("email", "mara@de-bka.casebridge.test")
                .containsEntry("enabled", true)
                .containsEntry("locked", false);
        assertThat(body.get("roles")).isEqualTo(List.of("LIAISON", "ANALYST"));
        assertNoPasswordIn(created.body());
        assertThat(tokens.login("mara", "a long enough secret")).isNotBlank();
    }

    @Test
    void listsAndReadsUsersWithoutPasswordHashes() {
        tokens.user("listed", Role.SUPERVISOR);

        String list = client.retrieve(asAdmin(HttpRequest.GET("/api/v1/users")), String.class);
        String one = client.retrieve(asAdmin(HttpRequest.GET("/api/v1/users/listed")), String.class);

        assertThat(list).contains("\"username\":\"listed\"", "\"username\":\"chief\"");
        assertThat(read(one)).containsEntry("username", "listed").containsEntry("roles", List.of("SUPERVISOR"));
        assertNoPasswordIn(list);
        assertNoPasswordIn(one);
    }

    @Test
    void patchesRolesProfileAndEnabled() {
        tokens.user("patched", Role.LIAISON);

        Map<String, Object> body = read(client.retrieve(asAdmin(HttpRequest.PATCH("/api/v1/users/patched",
                Map.of("roles", List.of("SUPERVISOR", "LIAISON"), "displayName", "Pat Ched",
                        "email", "pat@de-bka.casebridge.test", "enabled", false))), String.class));

        assertThat(body).containsEntry("displayName", "Pat Ched")
                .containsEntry("email", "pat@de-bka.casebridge.test")
                .containsEntry("enabled", false)
                .containsEntry("roles", List.of("LIAISON", "SUPERVISOR"));
        assertThat(accounts.find("patched")).get().satisfies(user -> assertThat(user.enabled()).isFalse());
    }

    @Test
    void patchWithOnlyOneFieldLeavesTheOthers() {
        tokens.user("partial", Role.ANALYST);

        Map<String, Object> body = read(client.retrieve(asAdmin(HttpRequest.PATCH("/api/v1/users/partial",
                Map.of("displayName", "Only The Name"))), String.class));

        assertThat(body).containsEntry("displayName", "Only The Name")
                .containsEntry("roles", List.of("ANALYST"))
                .containsEntry("email", "partial@test.casebridge.test")
                .containsEntry("enabled", true);
    }

    @Test
    void resetsAPassword() {
        tokens.user("resetme", Role.LIAISON);

        HttpResponse<?> reset = client.exchange(asAdmin(HttpRequest.POST("/api/v1/users/resetme/password",
                Map.of("password", "a brand new passphrase"))));

        assertThat(reset.getStatus().getCode()).isEqualTo(HttpStatus.NO_CONTENT.getCode());
        assertThat(tokens.login("resetme", "a brand new passphrase")).isNotBlank();
        HttpClientResponseException old = catchThrowableOfType(HttpClientResponseException.class,
                () -> tokens.login("resetme", TestTokens.PASSWORD));
        assertThat(old.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    }

    @Test
    void unlocksALockedAccount() {
        tokens.user("lockedout", Role.LIAISON);
        for (int attempt = 0; attempt < 5; attempt++) {
            catchThrowableOfType(HttpClientResponseException.class,
                    () -> tokens.login("lockedout", "wrong guess wrong guess"));
        }
        assertThat(read(client.retrieve(asAdmin(HttpRequest.GET("/api/v1/users/lockedout")), String.class)))
                .containsEntry("locked", true).containsEntry("failedLogins", 5);

        Map<String, Object> unlocked = read(client.retrieve(asAdmin(HttpRequest.POST("/api/v1/users/lockedout/unlock",
                "")), String.class));

        assertThat(unlocked).containsEntry("locked", false).containsEntry("failedLogins", 0);
        assertThat(tokens.login("lockedout", TestTokens.PASSWORD)).isNotBlank();
    }

    @Test
    void duplicateUsernameIs409() {
        tokens.user("taken", Role.LIAISON);

        ProblemDetail problem = fails(HttpRequest.POST("/api/v1/users", newUser("taken", "LIAISON")),
                HttpStatus.CONFLICT);

        assertThat(problem.code()).isEqualTo("USERNAME_TAKEN");
        assertThat(problem.errors()).extracting(ProblemDetail.FieldError::field).containsExactly("username");
    }

    @Test
    void invalidUsernameIs422() {
        Map<String, Object> request = newUser("Bad Name!", "LIAISON");
        request.put("email", "bad.name@de-bka.casebridge.test");

        ProblemDetail problem = fails(HttpRequest.POST("/api/v1/users", request), HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(problem.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.errors()).extracting(ProblemDetail.FieldError::field).containsExactly("username");
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        Map<String, Object> request = newUser("newbie", "LIAISON");
        request.put("email", "not-an-email");
        request.put("displayName", " ");

        ProblemDetail problem = fails(HttpRequest.POST("/api/v1/users", request), HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(problem.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.errors()).extracting(ProblemDetail.FieldError::field)
                .containsExactlyInAnyOrder("email", "displayName");
    }

    @Test
    void missingAndUnknownRolesAre422() {
        Map<String, Object> noRoles = newUser("noroles");
        Map<String, Object> unknownRole = newUser("badrole", "LIAISON", "OVERLORD");

        ProblemDetail missing = fails(HttpRequest.POST("/api/v1/users", noRoles), HttpStatus.UNPROCESSABLE_ENTITY);
        ProblemDetail unknown = fails(HttpRequest.POST("/api/v1/users", unknownRole), HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(missing.errors()).extracting(ProblemDetail.FieldError::field).containsExactly("roles");
        assertThat(unknown.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(unknown.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("roles");
            assertThat(error.message()).contains("OVERLORD");
        });
        assertThat(accounts.exists("badrole")).isFalse();
    }

    @Test
    void weakPasswordIs422() {
        Map<String, Object> request = newUser("weakling", "LIAISON");
        request.put("password", "short");

        ProblemDetail problem = fails(HttpRequest.POST("/api/v1/users", request), HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(problem.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.errors()).extracting(ProblemDetail.FieldError::field).containsOnly("password");
        assertThat(problem.errors()).extracting(ProblemDetail.FieldError::message)
                .contains("must have at least 12 characters");
        assertThat(accounts.exists("weakling")).isFalse();
    }

    @Test
    void weakPasswordResetIs422() {
        tokens.user("keepsold", Role.LIAISON);

        ProblemDetail problem = fails(HttpRequest.POST("/api/v1/users/keepsold/password",
                Map.of("password", "keepsold-forever")), HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(problem.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.errors()).extracting(ProblemDetail.FieldError::message)
                .contains("must not contain the username");
    }

    @Test
    void malformedJsonIs400() {
        MutableHttpRequest<String> request = HttpRequest.POST("/api/v1/users", "{\"username\": ")
                .contentType(MediaType.APPLICATION_JSON_TYPE);

        ProblemDetail problem = fails(request, HttpStatus.BAD_REQUEST);

        assertThat(problem.status()).isEqualTo(400);
    }

    @Test
    void invalidPatchFieldsAre422AndChangeNothing() {
        tokens.user("patchbad", Role.LIAISON);

        ProblemDetail problem = fails(HttpRequest.PATCH("/api/v1/users/patchbad",
                Map.of("email", "nope", "displayName", "", "roles", List.of())), HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(problem.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.errors()).extracting(ProblemDetail.FieldError::field)
                .containsExactlyInAnyOrder("email", "displayName", "roles");
        assertThat(accounts.find("patchbad")).get().satisfies(user -> {
            assertThat(user.email()).isEqualTo("patchbad@test.casebridge.test");
            assertThat(user.roles()).containsExactly(Role.LIAISON);
        });
    }

    @Test
    void missingFieldsAre422() {
        ProblemDetail problem = fails(HttpRequest.POST("/api/v1/users", Map.of("username", "halfdone")),
                HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(problem.errors()).extracting(ProblemDetail.FieldError::field)
                .containsExactlyInAnyOrder("displayName", "email", "roles", "password");
        assertThat(problem.errors()).extracting(ProblemDetail.FieldError::message).contains("is required");
    }

    @Test
    void unknownUserIs404Everywhere() {
        assertThat(fails(HttpRequest.GET("/api/v1/users/ghost"), HttpStatus.NOT_FOUND).code()).isEqualTo("NOT_FOUND");
        assertThat(fails(HttpRequest.PATCH("/api/v1/users/ghost", Map.of("enabled", false)), HttpStatus.NOT_FOUND)
                .code()).isEqualTo("NOT_FOUND");
        assertThat(fails(HttpRequest.POST("/api/v1/users/ghost/password", Map.of("password", "long enough password")),
                HttpStatus.NOT_FOUND).code()).isEqualTo("NOT_FOUND");
        assertThat(fails(HttpRequest.POST("/api/v1/users/ghost/unlock", ""), HttpStatus.NOT_FOUND).code())
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void theLastEnabledAdministratorCannotBeDisabledOrDemoted() {
        // Another enabled admin may exist from other tests; disable all but "chief" first.
        accounts.all().stream()
                .filter(user -> user.enabled() && user.hasRole(Role.ADMIN) && !user.username().equals("chief"))
                .forEach(user -> client.exchange(asAdmin(HttpRequest.PATCH("/api/v1/users/" + user.username(),
                        Map.of("enabled", false)))));

        ProblemDetail disable = fails(HttpRequest.PATCH("/api/v1/users/chief", Map.of("enabled", false)),
                HttpStatus.CONFLICT);
        ProblemDetail demote = fails(HttpRequest.PATCH("/api/v1/users/chief", Map.of("roles", List.of("LIAISON"))),
                HttpStatus.CONFLICT);

        assertThat(disable.code()).isEqualTo("LAST_ADMIN");
        assertThat(demote.code()).isEqualTo("LAST_ADMIN");
        assertThat(accounts.find("chief")).get().satisfies(user -> {
            assertThat(user.enabled()).isTrue();
            assertThat(user.hasRole(Role.ADMIN)).isTrue();
        });
    }

    @Test
    void otherRolesGet403() {
        for (Role role : List.of(Role.LIAISON, Role.SUPERVISOR, Role.ANALYST)) {
            assertForbiddenForAdministration(tokens.bearer("not-admin-" + role.name().toLowerCase(), role));
        }
        String allButAdmin = tokens.bearer("all-but-admin", Role.LIAISON, Role.SUPERVISOR, Role.ANALYST);
        assertForbiddenForAdministration(allButAdmin);
        assertThat(accounts.exists("sneaky")).isFalse();
    }

    private void assertForbiddenForAdministration(String token) {
        List<MutableHttpRequest<?>> requests = List.of(
                HttpRequest.GET("/api/v1/users"),
                HttpRequest.GET("/api/v1/users/chief"),
                HttpRequest.POST("/api/v1/users", newUser("sneaky", "ADMIN")),
                HttpRequest.PATCH("/api/v1/users/chief", Map.of("enabled", false)),
                HttpRequest.POST("/api/v1/users/chief/password", Map.of("password", "taken over password")),
                HttpRequest.POST("/api/v1/users/chief/unlock", ""));
        for (MutableHttpRequest<?> request : requests) {
            HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class,
                    () -> client.exchange(request.bearerAuth(token)));
            assertThat(refused).as(request.getMethod() + " " + request.getPath()).isNotNull();
            assertThat(refused.getStatus().getCode()).as(request.getMethod() + " " + request.getPath())
                    .isEqualTo(HttpStatus.FORBIDDEN.getCode());
            assertThat(SecurityTestNode.problem(refused, json).code()).isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void anonymousGets401() {
        HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/v1/users")));

        assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    }

    private static Map<String, Object> newUser(String username, String... roles) {
        Map<String, Object> request = new HashMap<>();
        request.put("username", username);
        request.put("displayName", "Mara Example");
        request.put("email", username + "@de-bka.casebridge.test");
        request.put("roles", List.of(roles));
        request.put("password", "a long enough secret");
        return request;
    }

    private <B> MutableHttpRequest<B> asAdmin(MutableHttpRequest<B> request) {
        return request.bearerAuth(admin);
    }

    private ProblemDetail fails(MutableHttpRequest<?> request, HttpStatus expected) {
        HttpClientResponseException error = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.exchange(asAdmin(request)));
        assertThat(error).as("expected " + expected).isNotNull();
        assertThat(error.getStatus().getCode()).isEqualTo(expected.getCode());
        assertThat(error.getResponse().getContentType()).get().asString().isEqualTo(ProblemDetail.MEDIA_TYPE);
        ProblemDetail problem = SecurityTestNode.problem(error, json);
        assertThat(problem.status()).isEqualTo(expected.getCode());
        return problem;
    }

    private Map<String, Object> read(String body) {
        try {
            return json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static void assertNoPasswordIn(String body) {
        assertThat(body).doesNotContain("argon2").doesNotContainIgnoringCase("password");
    }
}
