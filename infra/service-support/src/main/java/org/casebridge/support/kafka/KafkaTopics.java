package org.casebridge.support.kafka;

/** Names of the federation's Kafka topics; the one place that spells them. */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    /** The inbox an agency consumes: every partner writes the messages for that agency here. */
    public static String inbox(String agencyCode) {
        return "casebridge.inbox." + agencyCode;
    }

    /** The node's own domain events, consumed by its notification-service and local consumers. */
    public static String events(String agencyCode) {
        return "casebridge.events." + agencyCode;
    }

    /** The dead-letter topic beside a topic, for records that could not be applied. */
    public static String deadLetters(String topic) {
        return topic + ".dlt";
    }
}
