package org.casebridge.node.web;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.casebridge.security.SecurityTestNode;
import org.casebridge.security.TestTokens;
import org.casebridge.security.domain.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeApiIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient httpClient;

    @Inject
    TestTokens tokens;

    private final int managementPort = freePort();

    private BlockingHttpClient client;
    private HttpClient managementClient;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(SecurityTestNode.properties("node_api"));
        // Management endpoints listen on their own port; -1 (random) does not work for them.
        properties.put("endpoints.all.port", Integer.toString(managementPort));
        return properties;
    }

    @BeforeAll
    void setUp() throws Exception {
        client = httpClient.toBlocking();
        managementClient = HttpClient.create(URI.create("http://localhost:" + managementPort).toURL());
    }

    @AfterAll
    void closeManagementClient() {
        managementClient.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyRoleSeesWhichNodeItIsOn() {
        for (Role role : Role.values()) {
            String token = tokens.bearer("node-" + role.name().toLowerCase(), role);

            Map<String, Object> node = client.retrieve(HttpRequest.GET("/api/v1/node").bearerAuth(token),
                    Argument.mapOf(String.class, Object.class));

            assertThat(node).containsEntry("agencyCode", "DE-BKA")
                    .containsEntry("name", "Bundeskriminalamt")
                    .containsEntry("jurisdiction", "DE")
                    .containsEntry("timeZone", "Europe/Berlin");
            assertThat((String) node.get("version")).isNotBlank();
        }
    }

    @Test
    void anonymousGets401() {
        HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/v1/node")));

        assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    }

    @Test
    void healthIsAnonymousButMetricsAreForAdministrators() {
        // Management endpoints have their own listener (endpoints.all.port).
        BlockingHttpClient client = managementClient.toBlocking();
        assertThat(client.exchange(HttpRequest.GET("/health"), String.class).getStatus().getCode())
                .isEqualTo(HttpStatus.OK.getCode());

        HttpClientResponseException anonymous = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/prometheus"), String.class));
        HttpClientResponseException liaison = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/prometheus")
                        .bearerAuth(tokens.bearer("metrics-liaison", Role.LIAISON)), String.class));
        String metrics = client.retrieve(HttpRequest.GET("/prometheus")
                .bearerAuth(tokens.bearer("metrics-admin", Role.ADMIN)), String.class);

        assertThat(anonymous.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(liaison.getStatus().getCode()).isEqualTo(HttpStatus.FORBIDDEN.getCode());
        assertThat(metrics).contains("jvm_");
    }
}
