package org.casebridge.loadharness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The parts of one node's HTTP API the load needs: log in once, open and share cases, update them with
 * {@code If-Match}, and read the federation health. Every address is on the loopback interface.
 */
final class CaseApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI base;
    private String accessToken;

    /**
     * @param port     the node's case-service port on 127.0.0.1
     * @param executor runs the client's response handling; its size bounds the client threads
     */
    CaseApi(int port, Executor executor) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
    }

    /** Logs in and keeps the access token for the following calls. */
    void login(String username, String password) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("username", username).put("password", password);
        HttpResponse<String> response = http.send(json("/login").POST(bodyOf(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(response, 200, "login as " + username);
        accessToken = JSON.readTree(response.body()).path("access_token").asText();
        if (accessToken.isEmpty()) {
            throw new IOException("login as " + username + " returned no access_token");
        }
    }

    /** Opens a case and returns its id; a new case is at version 1. */
    UUID openCase(String title) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode()
                .put("title", title)
                .put("summary", "Case opened by the load harness to measure update propagation.")
                .put("handlingMarking", "AMBER");
        body.putArray("crimeCategories").add("RANSOMWARE_EXTORTION");
        HttpResponse<String> response = http.send(authorized("/api/v1/cases").POST(bodyOf(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(response, 201, "open a case");
        return UUID.fromString(JSON.readTree(response.body()).path("id").asText());
    }

    void share(UUID caseId, String agency) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("agency", agency);
        HttpResponse<String> response = http.send(
                authorized("/api/v1/cases/" + caseId + "/shares").POST(bodyOf(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(response, 201, "share case " + caseId + " with " + agency);
    }

    /** The case's current version, from its ETag. */
    long currentVersion(UUID caseId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(authorizedGet("/api/v1/cases/" + caseId).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(response, 200, "read case " + caseId);
        return parseEtag(response.headers().firstValue("ETag").orElse(""));
    }

    /** Sends a summary change based on {@code version}; completes with the response, whatever its status. */
    CompletableFuture<HttpResponse<Void>> updateSummary(UUID caseId, long version, String summary) {
        ObjectNode body = JSON.createObjectNode().put("summary", summary);
        HttpRequest request = authorized("/api/v1/cases/" + caseId)
                .header("If-Match", "\"" + version + "\"")
                .method("PATCH", bodyOf(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }

    /** {@code federation.details} of {@code /health}: the outbox backlog and relay lag. */
    OutboxHealth outboxHealth() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/health"))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return OutboxHealth.parse(response.body());
    }

    static long parseEtag(String etag) throws IOException {
        String digits = etag.replace("W/", "").replace("\"", "").strip();
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IOException("not a version ETag: '" + etag + "'");
        }
    }

    /** The outbox part of a node's health answer. */
    record OutboxHealth(long backlog, long relayLagMillis) {

        static OutboxHealth parse(String healthJson) throws IOException {
            JsonNode details = JSON.readTree(healthJson).path("details").path("federation").path("details");
            if (!details.has("outboxBacklog")) {
                throw new IOException("no federation.details.outboxBacklog in the health answer");
            }
            return new OutboxHealth(details.path("outboxBacklog").asLong(), details.path("relayLagMillis").asLong());
        }
    }

    private HttpRequest.Builder json(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json");
    }

    private HttpRequest.Builder authorized(String path) {
        return json(path).header("Authorization", "Bearer " + accessToken);
    }

    private HttpRequest.Builder authorizedGet(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).GET()
                .header("Accept", "application/json").header("Authorization", "Bearer " + accessToken);
    }

    private static HttpRequest.BodyPublisher bodyOf(JsonNode body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> response, int status, String what) throws IOException {
        if (response.statusCode() != status) {
            String body = response.body() == null ? "" : response.body();
            throw new IOException(what + ": HTTP " + response.statusCode() + " "
                    + body.substring(0, Math.min(body.length(), 300)));
        }
    }
}
