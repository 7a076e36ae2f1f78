package org.casebridge.exchange.persistence;

import jakarta.inject.Singleton;
import java.util.UUID;
import org.casebridge.node.persistence.Sql;

/** The idempotent inbox: ids of messages already handled. Every method runs in the caller's transaction. */
@Singleton
public class InboxStore {

    private final Sql sql;

    public InboxStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * Records a message as handled.
     *
     * @return false if it was recorded before: a redelivery, not to be applied again
     */
    public boolean record(UUID messageId, String sender, String type, long sequenceNumber, String outcome,
                          String reasonCode) {
        return sql.update("INSERT INTO inbox_message (message_id, sender, type, sequence_number, outcome, reason_code)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING",
                messageId, sender, type, sequenceNumber, outcome, reasonCode) == 1;
    }

    public boolean contains(UUID messageId) {
        return sql.queryOne("SELECT 1 FROM inbox_message WHERE message_id = ?", row -> true, messageId).isPresent();
    }
}
