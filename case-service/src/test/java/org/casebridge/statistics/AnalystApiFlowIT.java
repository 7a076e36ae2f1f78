package org.casebridge.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.casebridge.infra.junit.SharedInfrastructure;
import org.casebridge.security.domain.Role;
import org.casebridge.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole way through the API: liaison officers open and share cases, an analyst reads the statistics and exports
 * them, and the audit log shows that the analyst did.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalystApiFlowIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestNode node;

    @BeforeAll
    void start() {
        node = TestNode.start("DE-BKA", SharedInfrastructure.freshDatabase("DE-BKA"),
                Map.of("casebridge.statistics.small-count-threshold", 1));
    }

    @AfterAll
    void stop() {
        node.close();
    }

    private String openCase(String title, List<String> categories) throws Exception {
        String body = node.http().retrieve(HttpRequest.POST("/api/v1/cases", Map.of("title", title,
                "summary", "Summary naming Erika Musterfrau", "crimeCategories", categories,
                "handlingMarking", "AMBER")).bearerAuth(node.liaison()), String.class);
        return JSON.readTree(body).get("id").asText();
    }

    @Test
    void casesOpenedThroughTheApiShowInStatisticsAndExportsAndTheReadsAreAudited() throws Exception {
        String first = openCase("Botnet takedown preparation", List.of("SYSTEM_INTERFERENCE"));
        String second = openCase("Invoice fraud against SMEs", List.of("COMPUTER_FRAUD", "ONLINE_MONEY_LAUNDERING"));
        openCase("Defacement of a ministry site", List.of("SYSTEM_INTERFERENCE", "DATA_INTERFERENCE"));
        node.http().exchange(HttpRequest.POST("/api/v1/cases/" + first + "/shares", Map.of("agency", "NL-NHTC"))
                .bearerAuth(node.liaison()));
        node.http().exchange(HttpRequest.POST("/api/v1/cases/" + second + "/shares", Map.of("agency", "FR-OFAC"))
                .bearerAuth(node.liaison()));

        String analyst = node.token("analyst", Role.ANALYST);
        JsonNode byCategory = JSON.readTree(node.http().retrieve(
                HttpRequest.GET("/api/v1/statistics/cases?by=category").bearerAuth(analyst), String.class)).get("rows");
        List<String> counted = new ArrayList<>();
        byCategory.forEach(row -> counted.add(row.get("category").asText() + "=" + row.get("cases").asLong()));
        assertThat(counted).containsExactly("COMPUTER_FRAUD=1", "DATA_INTERFERENCE=1", "ONLINE_MONEY_LAUNDERING=1",
                "SYSTEM_INTERFERENCE=2");
        JsonNode byPartner = JSON.readTree(node.http().retrieve(
                HttpRequest.GET("/api/v1/statistics/cases?by=jurisdiction").bearerAuth(analyst), String.class))
                .get("rows");
        List<String> partners = new ArrayList<>();
        byPartner.forEach(row -> partners.add(row.get("jurisdiction").asText() + "=" + row.get("cases").asLong()));
        assertThat(partners).containsExactly("FR=1", "NL=1");

        String csv = node.http().retrieve(HttpRequest.GET("/api/v1/exports/cases?format=csv&category=SYSTEM_INTERFERENCE")
                .bearerAuth(analyst), String.class);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r.get("direction")).isEqualTo("OUTBOUND"));
        assertThat(records).extracting(r -> r.get("id")).contains(first);
        assertThat(csv).doesNotContain("Musterfrau").doesNotContain("Botnet");

        JsonNode audit = JSON.readTree(node.http().retrieve(HttpRequest.GET("/api/v1/audit?action=STATISTICS_EXPORTED")
                .bearerAuth(node.token("admin", Role.ADMIN)), String.class));
        List<String> details = new ArrayList<>();
        audit.get("items").forEach(entry -> {
            assertThat(entry.get("username").asText()).isEqualTo("analyst");
            details.add(entry.get("detail").asText());
        });
        assertThat(details).anySatisfy(detail -> assertThat(detail).startsWith("cases json by [CATEGORY]"))
                .anySatisfy(detail -> assertThat(detail).startsWith("cases as csv {CATEGORY=SYSTEM_INTERFERENCE}"));
    }
}
