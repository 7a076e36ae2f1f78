package org.casebridge.schema;

/**
 * Names of the Kafka topics of the contract. Every record's key is the id (UUID text) of the case, evidence request
 * or joint action it concerns, so Kafka keeps the messages about one aggregate in order.
 */
public final class KafkaTopics {

    /** Prefix of the per-agency inbox topics. */
    public static final String INBOX_PREFIX = "casebridge.inbox.";

    /** Prefix of the per-agency domain event topics. */
    public static final String EVENTS_PREFIX = "casebridge.events.";

    /** Suffix of a dead-letter topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private KafkaTopics() {
    }

    /** The inbox of an agency, e.g. {@code casebridge.inbox.DE-BKA}: signed envelopes addressed to it. */
    public static String inbox(String agencyCode) {
        return INBOX_PREFIX + AgencyCodes.requireValid(agencyCode);
    }

    /** The domain event topic of an agency's node, e.g. {@code casebridge.events.DE-BKA}. */
    public static String events(String agencyCode) {
        return EVENTS_PREFIX + AgencyCodes.requireValid(agencyCode);
    }

    /** The dead-letter topic of a topic, e.g. {@code casebridge.inbox.DE-BKA.dlt}. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
