package org.casebridge.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.casebridge.infra.junit.SharedInfrastructure;
import org.casebridge.security.domain.Role;
import org.casebridge.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A download far larger than one chunk arrives whole and in order: every row once, CSV and JSON Lines alike, read
 * as a stream by the client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeExportIT {

    private static final int ROWS = 30_000;

    private TestNode node;
    private String analyst;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        node = TestNode.start("DE-BKA", SharedInfrastructure.freshDatabase("DE-BKA"), Map.of());
        try (Connection connection = node.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO evidence_request (id, reference, direction, case_id, requesting_agency,"
                    + " requested_agency, instrument, request_type, urgency, legal_basis, justification, marking,"
                    + " status, author, created_at, updated_at, version)"
                    + " SELECT gen_random_uuid(), 'DE-BKA-REQ-' || lpad(g::text, 6, '0'), 'OUTBOUND', gen_random_uuid(),"
                    + " 'DE-BKA', 'NL-NHTC', 'EU_EPOC', 'SUBSCRIBER_INFO', 'NORMAL', 'basis', 'why', 'AMBER', 'SENT',"
                    + " 'someone', timestamptz '2026-01-01 00:00:00+00' + g * interval '1 second', now(), 1"
                    + " FROM generate_series(1, " + ROWS + ") AS g");
        }
        analyst = node.token("analyst", Role.ANALYST);
    }

    @AfterAll
    void stop() {
        node.close();
    }

    private InputStream stream(String path) throws Exception {
        HttpResponse<InputStream> response = client.send(java.net.http.HttpRequest.newBuilder(
                        URI.create(node.context().getBean(io.micronaut.runtime.server.EmbeddedServer.class).getURL()
                                + path)).header("Authorization", "Bearer " + analyst).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void aCsvDownloadOfManyChunksHasEveryRowOnceInOrder() throws Exception {
        Set<String> ids = new HashSet<>();
        String previous = "";
        long rows = 0;
        try (Reader reader = new InputStreamReader(stream("/api/v1/exports/evidence-requests?format=csv"),
                StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord record : parser) {
                assertThat(record.size()).isEqualTo(28);
                assertThat(ids.add(record.get("id"))).isTrue();
                assertThat(record.get("reference")).isGreaterThan(previous);
                previous = record.get("reference");
                rows++;
            }
        }
        assertThat(rows).isEqualTo(ROWS);
    }

    @Test
    void aJsonLinesDownloadOfManyChunksHasEveryLineWhole() throws Exception {
        ObjectMapper json = new ObjectMapper();
        long rows = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                stream("/api/v1/exports/evidence-requests?format=jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                assertThat(json.readTree(line).get("requested_agency").asText()).isEqualTo("NL-NHTC");
                rows++;
            }
        }
        assertThat(rows).isEqualTo(ROWS);
        // The node still answers while and after streaming (the download gave its connection back).
        assertThat(node.http().retrieve(HttpRequest.GET("/api/v1/statistics/requests").bearerAuth(analyst),
                String.class)).contains("\"requests\":" + ROWS);
    }
}
