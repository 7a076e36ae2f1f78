package org.casebridge.support.kafka;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.casebridge.schema.KafkaTopics;
import org.casebridge.support.agency.AgencyConfiguration;

/**
 * Reports whether this node reaches Kafka with its own agency principal.
 *
 * <p>It describes the agency's own topics instead of the cluster: an agency principal may read only its own topics,
 * so micronaut-kafka's built-in indicator (which needs cluster-level DESCRIBE_CONFIGS) would report a healthy broker
 * as down. A failure here therefore means either the broker is unreachable or the node's ACLs are wrong; both need
 * an operator.
 */
@Singleton
@Requires(property = "casebridge.kafka.health.enabled", notEquals = "false")
public class KafkaConnectivityIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final AdminClient adminClient;
    private final AgencyConfiguration agency;
    private final Duration timeout;

    public KafkaConnectivityIndicator(AdminClient adminClient,
                                      AgencyConfiguration agency,
                                      @Value("${casebridge.kafka.health.timeout:5s}") Duration timeout) {
        this.adminClient = adminClient;
        this.agency = agency;
        this.timeout = timeout;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        List<String> topics = List.of(KafkaTopics.inbox(agency.getCode()), KafkaTopics.events(agency.getCode()));
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            Map<String, TopicDescription> described = adminClient
                    .describeTopics(topics, new DescribeTopicsOptions().timeoutMs((int) timeout.toMillis()))
                    .allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            described.forEach((name, description) -> details.put(name, Map.of(
                    "partitions", description.partitions().size())));
            healthStatus = HealthStatus.UP;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            healthStatus = HealthStatus.DOWN;
            details.put("error", "interrupted");
        } catch (Exception e) {
            healthStatus = HealthStatus.DOWN;
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            details.put("error", cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        return details;
    }

    @Override
    protected String getName() {
        return "kafka";
    }
}
