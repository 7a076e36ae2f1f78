package org.casebridge.security.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casebridge.security.SecurityTestNode;
import org.casebridge.security.TestTokens;
import org.casebridge.security.domain.Role;
import org.casebridge.security.web.UserDirectoryController.DirectoryEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The user directory answers the node's service token only, and lists users with roles and e-mail. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserDirectoryIT implements TestPropertyProvider {

    private static final String SERVICE_TOKEN = "directory-test-token-0123456789abcdef";

    @Inject
    @Client("/")
    HttpClient httpClient;

    @Inject
    TestTokens tokens;

    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(SecurityTestNode.properties("security_directory"));
        properties.put("casebridge.security.service-token", SERVICE_TOKEN);
        return properties;
    }

    private BlockingHttpClient client() {
        return httpClient.toBlocking();
    }

    @Test
    void listsUsersWithRolesAndEmailForTheServiceToken() {
        tokens.user("dir.liaison", Role.LIAISON, Role.SUPERVISOR);
        List<DirectoryEntry> entries = client().retrieve(HttpRequest.GET("/service/v1/user-directory")
                .header(UserDirectoryController.TOKEN_HEADER, SERVICE_TOKEN), Argument.listOf(DirectoryEntry.class));
        DirectoryEntry entry = entries.stream().filter(e -> e.username().equals("dir.liaison")).findFirst().orElseThrow();
        assertThat(entry.roles()).containsExactly("LIAISON", "SUPERVISOR");
        assertThat(entry.email()).contains("@");
        assertThat(entry.id()).isNotNull();
        assertThat(entry.enabled()).isTrue();
    }

    @Test
    void refusesAMissingOrWrongTokenAndAUsersJwt() {
        String adminJwt = tokens.bearer("dir.admin", Role.ADMIN);
        for (HttpRequest<?> request : List.of(
                HttpRequest.GET("/service/v1/user-directory"),
                HttpRequest.GET("/service/v1/user-directory").header(UserDirectoryController.TOKEN_HEADER,
                        SERVICE_TOKEN + "x"),
                HttpRequest.GET("/service/v1/user-directory").bearerAuth(adminJwt))) {
            HttpClientResponseException error = catchThrowableOfType(HttpClientResponseException.class,
                    () -> client().exchange(request, String.class));
            assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
            assertThat(SecurityTestNode.problem(error, json).code()).isEqualTo("UNAUTHORIZED");
        }
    }
}
