package org.casebridge.exchange.persistence;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.casebridge.node.persistence.Sql;

/** Sequence numbers per (sender, recipient): the next one to send, and the last one received. */
@Singleton
public class SequenceStore {

    private final Sql sql;

    public SequenceStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * The next sequence number for a recipient. The row stays locked until the transaction ends, so numbers of one
     * recipient are handed out in commit order.
     */
    public long nextOutbound(String recipient) {
        return sql.queryOne("INSERT INTO outbound_sequence (recipient, last_sequence) VALUES (?, 1)"
                        + " ON CONFLICT (recipient) DO UPDATE SET last_sequence = outbound_sequence.last_sequence + 1"
                        + " RETURNING last_sequence",
                row -> row.getLong(1), recipient).orElseThrow();
    }

    /**
     * Locks a recipient's sequence row until the transaction ends without taking a number, so that a transaction
     * which will write to that recipient takes this lock before its own row locks, in the same order as the inbox.
     */
    public void lockOutbound(String recipient) {
        sql.update("INSERT INTO outbound_sequence (recipient, last_sequence) VALUES (?, 0) ON CONFLICT (recipient)"
                + " DO UPDATE SET last_sequence = outbound_sequence.last_sequence", recipient);
    }

    /**
     * Records the sequence numbers received from a sender in one transaction.
     *
     * @param numbers the numbers, in ascending order
     * @return how many numbers were skipped before them (0 when each follows the last, or is older)
     */
    public long recordInbound(String sender, long[] numbers, Instant at) {
        long last = sql.queryOne("SELECT last_sequence FROM inbound_sequence WHERE sender = ? FOR UPDATE",
                row -> row.getLong(1), sender).orElse(0L);
        long skipped = 0;
        long highest = last;
        for (long number : numbers) {
            skipped += Math.max(0, number - highest - 1);
            highest = Math.max(highest, number);
        }
        sql.update("INSERT INTO inbound_sequence (sender, last_sequence, gaps, last_gap_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (sender) DO UPDATE SET last_sequence = greatest(inbound_sequence.last_sequence,"
                        + " excluded.last_sequence), gaps = inbound_sequence.gaps + excluded.gaps,"
                        + " last_gap_at = coalesce(excluded.last_gap_at, inbound_sequence.last_gap_at)",
                sender, highest, skipped, skipped > 0 ? at : null);
        return skipped;
    }

    /** Senders with gaps noticed in their sequence. */
    public List<SequenceGaps> gaps() {
        return sql.query("SELECT sender, last_sequence, gaps, last_gap_at FROM inbound_sequence WHERE gaps > 0"
                        + " ORDER BY sender",
                row -> new SequenceGaps(row.getString("sender"), row.getLong("last_sequence"), row.getLong("gaps"),
                        Sql.instant(row, "last_gap_at")));
    }

    /** Gaps noticed in one sender's sequence. */
    public record SequenceGaps(String sender, long lastSequence, long missing, Instant lastGapAt) {
    }
}
