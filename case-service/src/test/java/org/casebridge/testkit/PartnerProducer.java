package org.casebridge.testkit;

import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casebridge.infra.junit.NodeTestProperties;

/**
 * A Kafka producer that writes as a partner agency with no running node, under that agency's own principal and ACLs,
 * so a test can put signed (or forged) records into a node's inbox exactly as a partner would.
 */
public final class PartnerProducer {

    private PartnerProducer() {
    }

    public static KafkaProducer<String, byte[]> open(String agency) {
        Properties properties = new Properties();
        properties.putAll(NodeTestProperties.kafkaClientProperties(agency));
        properties.put("acks", "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }
}
