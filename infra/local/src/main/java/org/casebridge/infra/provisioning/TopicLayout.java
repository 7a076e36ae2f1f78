package org.casebridge.infra.provisioning;

import java.util.Optional;

/**
 * Partitions and replication of the federation's topics.
 *
 * @param partitions         partitions per inbox and events topic (dead-letter topics get one; they see little traffic)
 * @param replicationFactor  copies of every partition
 * @param minInsyncReplicas  {@code min.insync.replicas} set on each topic, or empty for the broker default
 */
public record TopicLayout(int partitions, short replicationFactor, Optional<Integer> minInsyncReplicas) {

    public TopicLayout {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1");
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1");
        }
        minInsyncReplicas.ifPresent(min -> {
            if (min < 1 || min > replicationFactor) {
                throw new IllegalArgumentException("min.insync.replicas must be between 1 and the replication factor");
            }
        });
    }

    /** A single broker: one partition, one replica. */
    public static TopicLayout local() {
        return new TopicLayout(1, (short) 1, Optional.empty());
    }

    /**
     * The production setting: replication factor 3 with {@code min.insync.replicas=2}, so that an {@code acks=all}
     * write survives the loss of one broker and a second loss stops writes instead of losing them.
     */
    public static TopicLayout production(int partitions) {
        return new TopicLayout(partitions, (short) 3, Optional.of(2));
    }
}
