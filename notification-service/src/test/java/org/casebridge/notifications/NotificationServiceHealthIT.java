package org.casebridge.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.casebridge.infra.junit.NodeTestProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The notification-service starts on real PostgreSQL and Kafka, migrates its database and reports both healthy. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationServiceHealthIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        return NodeTestProperties.forAgency("NL-NHTC", "nl_nhtc_notifications");
    }

    @Test
    void reportsDatabaseAndKafkaUp() {
        Map<?, ?> health = client.toBlocking().retrieve(HttpRequest.GET("/health"), Map.class);
        assertThat((Object) health.get("status")).isEqualTo("UP");
        Map<?, ?> details = (Map<?, ?>) health.get("details");
        assertThat(((Map<?, ?>) details.get("jdbc")).get("status")).hasToString("UP");
        Map<?, ?> kafka = (Map<?, ?>) details.get("kafka");
        assertThat(kafka.get("status")).hasToString("UP");
        assertThat(kafka.get("details").toString()).contains("casebridge.inbox.NL-NHTC", "casebridge.events.NL-NHTC");
    }

    @Test
    void migratedItsOwnDatabase() throws Exception {
        try (var connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             var rows = connection.createStatement().executeQuery(
                     "SELECT to_regclass('processed_event') IS NOT NULL,"
                             + " (SELECT count(*) FROM flyway_schema_history WHERE success)")) {
            rows.next();
            assertThat(rows.getBoolean(1)).isTrue();
            assertThat(rows.getLong(2)).isPositive();
        }
    }
}
