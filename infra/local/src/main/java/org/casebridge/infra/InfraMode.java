package org.casebridge.infra;

import java.util.Locale;

/** Where the PostgreSQL server and the Kafka cluster come from. */
public enum InfraMode {
    /** External where configured, else Testcontainers when a Docker engine answers, else embedded. */
    AUTO,
    /** Real servers in and beside this JVM: PostgreSQL 17 from embedded binaries, an in-process KRaft broker. */
    EMBEDDED,
    /** Servers someone else runs, given by {@link InfraSettings} (environment variables or system properties). */
    EXTERNAL,
    /**
     * A PostgreSQL container; Kafka stays the in-process broker unless {@code casebridge.infra.kafka=container}
     * (see the module README).
     */
    TESTCONTAINERS;

    /**
     * Reads {@code auto}, {@code embedded}, {@code external} or {@code testcontainers}, ignoring case.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static InfraMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown infrastructure mode '" + text
                    + "' (one of auto, embedded, external, testcontainers)", e);
        }
    }
}
