package org.casebridge.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.awaitility.Awaitility;
import org.casebridge.infra.junit.SharedInfrastructure;
import org.casebridge.security.domain.Role;
import org.casebridge.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Statistics and exports through the API as an analyst: small counts suppressed, files that parse back and match,
 * no personal data, clear 4xx for bad input and for other roles.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalystApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private TestNode node;
    private String analyst;

    @BeforeAll
    void start() throws Exception {
        node = TestNode.start(SeededDataset.SELF, SharedInfrastructure.freshDatabase(SeededDataset.SELF),
                Map.of("casebridge.statistics.small-count-threshold", 3, "casebridge.exports.link-lifetime", "20s",
                        "casebridge.exports.cleanup-interval", "2s"));
        SeededDataset.insert(node.dataSource());
        analyst = node.token("analyst", Role.ANALYST);
    }

    @AfterAll
    void stop() {
        node.close();
    }

    private HttpResponse<String> get(String path, String token) {
        return node.http().exchange(HttpRequest.GET(path).bearerAuth(token), String.class);
    }

    private static List<CSVRecord> csv(String body) throws IOException {
        return CSV.parse(new StringReader(body)).getRecords();
    }

    @Test
    void smallCountsAndWhatDerivesFromThemAreSuppressed() throws IOException {
        JsonNode body = JSON.readTree(get("/api/v1/statistics/requests?by=partner", analyst).body());
        assertThat(body.get("suppressionThreshold").asInt()).isEqualTo(3);
        JsonNode rows = body.get("rows");
        assertThat(rows).hasSize(2);
        JsonNode fr = rows.get(0);
        assertThat(fr.get("partner").asText()).isEqualTo("FR-OFAC");
        assertThat(fr.get("suppressed").asBoolean()).isTrue();
        assertThat(fr.path("requests").isMissingNode() || fr.get("requests").isNull()).isTrue();
        assertThat(fr.path("refusal_rate").isMissingNode() || fr.get("refusal_rate").isNull()).isTrue();
        JsonNode nl = rows.get(1);
        assertThat(nl.get("partner").asText()).isEqualTo("NL-NHTC");
        assertThat(nl.get("requests").asLong()).isEqualTo(5);
        assertThat(nl.get("decided").asLong()).isEqualTo(3);
        // One refusal and two fulfilments among NL-NHTC's requests: both hidden, with the rates built on them.
        assertThat(nl.path("refused").isMissingNode() || nl.get("refused").isNull()).isTrue();
        assertThat(nl.path("fulfilment_rate").isMissingNode() || nl.get("fulfilment_rate").isNull()).isTrue();
        assertThat(nl.get("suppressed").asBoolean()).isTrue();
    }

    @Test
    void aStatisticAsCsvAndJsonLinesMatchesItsJson() throws IOException {
        String query = "/api/v1/statistics/cases?by=period,direction&period=month&zone=Europe/Berlin";
        JsonNode json = JSON.readTree(get(query, analyst).body()).get("rows");
        HttpResponse<String> csvResponse = get(query + "&format=csv", analyst);
        assertThat(csvResponse.header("Content-Type")).startsWith("text/csv");
        assertThat(csvResponse.header("Content-Disposition")).contains("attachment").contains("cases.csv");
        List<CSVRecord> records = csv(csvResponse.body());
        assertThat(records).hasSize(json.size());
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i).get("period")).isEqualTo(json.get(i).get("period").asText());
            assertThat(records.get(i).get("period_start")).isEqualTo(json.get(i).get("period_start").asText());
            assertThat(records.get(i).get("direction")).isEqualTo(json.get(i).get("direction").asText());
            assertThat(records.get(i).get("suppressed")).isEqualTo(json.get(i).get("suppressed").asText());
            JsonNode cases = json.get(i).get("cases");
            assertThat(records.get(i).get("cases")).isEqualTo(cases == null || cases.isNull() ? "" : cases.asText());
        }
        // Berlin February: three outbound-or-inbound cases, of which two outbound (c1, c2) and one inbound.
        assertThat(records).anySatisfy(record -> {
            assertThat(record.get("period")).isEqualTo("2026-02");
            assertThat(record.get("direction")).isEqualTo("OUTBOUND");
            assertThat(record.get("cases")).isEmpty();
            assertThat(record.get("suppressed")).isEqualTo("true");
        });
        String[] lines = get(query + "&format=jsonl", analyst).body().split("\n");
        assertThat(lines).hasSize(json.size());
        for (int i = 0; i < lines.length; i++) {
            assertThat(JSON.readTree(lines[i])).isEqualTo(json.get(i));
        }
    }

    @Test
    void caseExportParsesBackAndMatchesTheDatabase() throws Exception {
        HttpResponse<String> response = get("/api/v1/exports/cases?format=csv", analyst);
        assertThat(response.header("Content-Type")).startsWith("text/csv");
        List<CSVRecord> records = csv(response.body());
        List<String> expected = new ArrayList<>();
        try (Connection connection = node.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT reference, status, array_to_string(crime_categories, ';')"
                     + " FROM case_file ORDER BY opened_at, id")) {
            while (rows.next()) {
                expected.add(rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getString(3));
            }
        }
        assertThat(records).extracting(r -> r.get("reference") + "|" + r.get("status") + "|" + r.get("crime_categories"))
                .containsExactlyElementsOf(expected);
        CSVRecord first = records.get(0);
        assertThat(first.get("lead_agency")).isEqualTo("DE-BKA");
        assertThat(first.get("direction")).isEqualTo("OUTBOUND");
        assertThat(first.get("shared_with")).isEqualTo("FR-OFAC;NL-NHTC");
        assertThat(first.get("opened_at")).isEqualTo("2026-01-31T23:30:00.000000Z");
        assertThat(csv(get("/api/v1/exports/cases?format=csv&zone=Europe/Berlin&from=2026-02-01&to=2026-03-01",
                analyst).body())).hasSize(3);
        assertThat(csv(get("/api/v1/exports/cases?direction=INBOUND", analyst).body()))
                .extracting(r -> r.get("lead_agency")).containsExactly("NL-NHTC");
    }

    @Test
    void requestAndJointActionExportsCarryTheirFigures() throws IOException {
        List<CSVRecord> requests = csv(get("/api/v1/exports/evidence-requests?status=REFUSED", analyst).body());
        assertThat(requests).extracting(r -> r.get("refusal_ground"))
                .containsExactlyInAnyOrder("NO_DUAL_CRIMINALITY", "INSUFFICIENT_INFORMATION");
        assertThat(requests).allSatisfy(r -> assertThat(r.get("items")).isEqualTo("1"));
        String[] actions = get("/api/v1/exports/joint-actions?format=jsonl", analyst).body().split("\n");
        assertThat(actions).hasSize(2);
        JsonNode completed = JSON.readTree(actions[0]);
        assertThat(completed.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.get("arrests").asLong()).isEqualTo(5);
        assertThat(completed.get("asset_seizures").asLong()).isEqualTo(3);
        assertThat(completed.get("participants")).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cases", "evidence-requests", "joint-actions"})
    void noExportHoldsPersonalDataOrFreeText(String dataset) {
        for (String format : List.of("csv", "jsonl")) {
            String body = get("/api/v1/exports/" + dataset + "?format=" + format, analyst).body();
            assertThat(body).as(dataset + " " + format).isNotBlank()
                    .doesNotContain(SeededDataset.PERSONAL_NAME).doesNotContain(SeededDataset.PERSONAL_EMAIL)
                    .doesNotContain("HYPERLINK").doesNotContain("officer.schmidt").doesNotContain("Art. 5");
        }
    }

    @Test
    void aLiaisonOfficerMayNeitherExportNorReadStatistics() {
        String liaison = node.liaison();
        for (String path : List.of("/api/v1/statistics/cases", "/api/v1/exports/cases",
                "/api/v1/statistics/requests?format=csv", "/api/v1/export-jobs", "/statistics",
                "/statistics/export-jobs")) {
            HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                    () -> get(path, liaison));
            assertThat(e.getStatus().getCode()).as(path).isEqualTo(403);
        }
    }

    @Test
    void badParametersAreNamedInA400Problem() throws IOException {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class, () -> get(
                "/api/v1/statistics/requests?by=partner,colour&period=fortnight&zone=Mars/Olympus&from=2026-13-01"
                        + "&type=PHONE_CALL&marking=RED", analyst));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        String problem = e.getResponse().getBody(String.class).orElseThrow();
        JsonNode errors = JSON.readTree(problem).get("errors");
        List<String> fields = new ArrayList<>();
        errors.forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).contains("by", "period");
        HttpClientResponseException filters = catchThrowableOfType(HttpClientResponseException.class, () -> get(
                "/api/v1/statistics/requests?zone=Mars/Olympus&from=2026-13-01&type=PHONE_CALL&marking=RED&x=1",
                analyst));
        assertThat(filters.getStatus().getCode()).isEqualTo(400);
        List<String> filterFields = new ArrayList<>();
        JSON.readTree(filters.getResponse().getBody(String.class).orElseThrow()).get("errors")
                .forEach(error -> filterFields.add(error.get("field").asText()));
        assertThat(filterFields).containsExactlyInAnyOrder("zone", "from", "type", "marking", "x");
        assertThat(catchThrowableOfType(HttpClientResponseException.class,
                () -> get("/api/v1/exports/cases?format=xlsx", analyst)).getStatus().getCode()).isEqualTo(400);
        assertThat(catchThrowableOfType(HttpClientResponseException.class,
                () -> get("/api/v1/exports/passwords", analyst)).getStatus().getCode()).isEqualTo(404);
        assertThat(catchThrowableOfType(HttpClientResponseException.class,
                () -> get("/api/v1/statistics/cases?from=2026-03-01&to=2026-02-01", analyst)).getStatus().getCode())
                .isEqualTo(400);
    }

    private JsonNode job(String location, String token) throws IOException {
        return JSON.readTree(get(location, token).body());
    }

    @Test
    void anExportJobRunsInTheBackgroundAndItsFileDownloadsOnlyForItsOwnerUntilItExpires() throws Exception {
        HttpResponse<String> started = node.http().exchange(HttpRequest.POST("/api/v1/export-jobs",
                        Map.of("dataset", "evidence-requests", "format", "csv",
                                "filters", Map.of("direction", "OUTBOUND", "zone", "Europe/Berlin")))
                .bearerAuth(analyst), String.class);
        assertThat(started.getStatus().getCode()).isEqualTo(202);
        String location = started.header("Location");
        assertThat(location).startsWith("/api/v1/export-jobs/");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> job(location, analyst).get("status").asText(), "SUCCEEDED"::equals);
        JsonNode done = job(location, analyst);
        assertThat(done.get("totalRows").asLong()).isEqualTo(5);
        assertThat(done.get("rowsWritten").asLong()).isEqualTo(5);
        assertThat(done.get("percent").asDouble()).isEqualTo(100.0);
        String link = done.get("download").asText();
        assertThat(link).isEqualTo(location + "/file").doesNotContain("token").doesNotContain("?");

        HttpResponse<byte[]> file = node.http().exchange(HttpRequest.GET(link).bearerAuth(analyst), byte[].class);
        assertThat(file.header("Content-Disposition")).contains("attachment").contains(".csv");
        byte[] bytes = file.body();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                .isEqualTo(done.get("sha256").asText());
        assertThat(done.get("sizeBytes").asLong()).isEqualTo(bytes.length);
        List<CSVRecord> records = csv(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(records).hasSize(5).allSatisfy(r -> assertThat(r.get("direction")).isEqualTo("OUTBOUND"));
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain(SeededDataset.PERSONAL_EMAIL).doesNotContain(SeededDataset.PERSONAL_NAME);

        assertThat(catchThrowableOfType(HttpClientResponseException.class,
                () -> node.http().exchange(HttpRequest.GET(link), byte[].class)).getStatus().getCode()).isEqualTo(401);
        String otherAnalyst = node.token("analyst-two", Role.ANALYST);
        assertThat(catchThrowableOfType(HttpClientResponseException.class,
                () -> node.http().exchange(HttpRequest.GET(link).bearerAuth(otherAnalyst), byte[].class))
                .getStatus().getCode()).isEqualTo(404);
        assertThat(catchThrowableOfType(HttpClientResponseException.class,
                () -> node.http().exchange(HttpRequest.GET(link).bearerAuth(node.liaison()), byte[].class))
                .getStatus().getCode()).isEqualTo(403);
        assertThat(JSON.readTree(get("/api/v1/export-jobs", analyst).body()))
                .anySatisfy(listed -> assertThat(listed.get("id").asText()).isEqualTo(done.get("id").asText()));

        // The link lapses: the job expires, its file is deleted and a download is 410 Gone.
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            try {
                node.http().exchange(HttpRequest.GET(link).bearerAuth(analyst), byte[].class);
                return false;
            } catch (HttpClientResponseException e) {
                return e.getStatus().getCode() == 410;
            }
        });
        assertThat(job(location, analyst).get("download")).isNull();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> job(location, analyst).get("status").asText(), "EXPIRED"::equals);
    }

    @Test
    void aJobCanBeCancelledAndABadJobIsRefused() throws IOException {
        HttpResponse<String> started = node.http().exchange(HttpRequest.POST("/api/v1/export-jobs",
                Map.of("dataset", "cases", "format", "jsonl")).bearerAuth(analyst), String.class);
        String location = started.header("Location");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> !List.of("QUEUED", "RUNNING").contains(job(location, analyst).get("status").asText()));
        JsonNode cancelled = JSON.readTree(node.http().exchange(HttpRequest.DELETE(location).bearerAuth(analyst),
                String.class).body());
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(catchThrowableOfType(HttpClientResponseException.class,
                () -> node.http().exchange(HttpRequest.GET(location + "/file").bearerAuth(analyst), byte[].class))
                .getStatus().getCode()).isEqualTo(410);
        assertThat(catchThrowableOfType(HttpClientResponseException.class,
                () -> node.http().exchange(HttpRequest.DELETE(location).bearerAuth(analyst), String.class))
                .getStatus().getCode()).isEqualTo(409);

        HttpClientResponseException bad = catchThrowableOfType(HttpClientResponseException.class,
                () -> node.http().exchange(HttpRequest.POST("/api/v1/export-jobs",
                        Map.of("dataset", "cases", "filters", Map.of("status", "SHREDDED"))).bearerAuth(analyst),
                        String.class));
        assertThat(bad.getStatus().getCode()).isEqualTo(400);
        assertThat(bad.getResponse().getBody(String.class).orElseThrow()).contains("status");
        assertThat(catchThrowableOfType(HttpClientResponseException.class,
                () -> node.http().exchange(HttpRequest.POST("/api/v1/export-jobs", Map.of("dataset", "passwords"))
                        .bearerAuth(analyst), String.class)).getStatus().getCode()).isEqualTo(400);
    }
}
