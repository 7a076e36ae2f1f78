package org.casebridge.directory;

/**
 * The Kafka topic names of the federation, derived from agency codes.
 *
 * <p>Every agency has an inbox (partners write, only the agency reads), an events topic (the agency's own domain
 * events) and a dead-letter topic beside each.
 */
public final class TopicNames {

    /** Prefix of every agency inbox topic. */
    public static final String INBOX_PREFIX = "casebridge.inbox.";
    /** Prefix of every agency events topic. */
    public static final String EVENTS_PREFIX = "casebridge.events.";
    /** Suffix of a dead-letter topic, appended to the topic whose records it holds. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private TopicNames() {
    }

    /** {@code casebridge.inbox.<CODE>} */
    public static String inbox(String agencyCode) {
        return INBOX_PREFIX + agencyCode;
    }

    /** {@code casebridge.events.<CODE>} */
    public static String events(String agencyCode) {
        return EVENTS_PREFIX + agencyCode;
    }

    /** {@code <topic>.dlt} */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
