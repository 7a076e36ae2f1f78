package org.casebridge.exchange.persistence;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.casebridge.exchange.domain.Delivery;
import org.casebridge.exchange.domain.DeliveryStatus;
import org.casebridge.node.persistence.Sql;

/** Delivery state of messages sent to partners. Every method runs in the caller's transaction. */
@Singleton
public class DeliveryStore {

    private final Sql sql;

    public DeliveryStore(Sql sql) {
        this.sql = sql;
    }

    public void recordPending(UUID messageId, String recipient, String type, String aggregateType, String aggregateId,
                              long sequenceNumber) {
        sql.update("INSERT INTO message_delivery (message_id, recipient, type, aggregatetype, aggregateid,"
                        + " sequence_number, status) VALUES (?, ?, ?, ?, ?, ?, 'PENDING')",
                messageId, recipient, type, aggregateType, aggregateId, sequenceNumber);
    }

    /**
     * Records a partner's receipt. A receipt may overtake the relay's bookkeeping, so it is taken whatever the
     * current state; a second receipt for the same message changes nothing.
     *
     * @return true if the receipt was for a message this node sent to that partner and not yet answered
     */
    public boolean recordReceipt(UUID messageId, String fromAgency, DeliveryStatus outcome, String reasonCode,
                                 String reasonText, Instant at) {
        return sql.update("UPDATE message_delivery SET status = ?, reason_code = ?, reason_text = ?, answered_at = ?,"
                        + " published_at = coalesce(published_at, ?)"
                        + " WHERE message_id = ? AND recipient = ? AND status IN ('PENDING', 'PUBLISHED')",
                outcome, reasonCode, truncate(reasonText), at, at, messageId, fromAgency) == 1;
    }

    /**
     * Deliveries of an aggregate's messages. "Published" is read from the outbox rather than stored here: the relay
     * writing it would take row locks that the inbox, recording receipts for the same messages, also takes, and the
     * two would deadlock under load. A pending delivery whose outbox row is gone was published before the outbox's
     * retention removed it.
     */
    public List<Delivery> forAggregate(String aggregateType, String aggregateId) {
        return sql.query("SELECT d.message_id, d.recipient, d.type, d.aggregatetype, d.aggregateid, d.sequence_number,"
                        + " CASE WHEN d.status = 'PENDING' AND (o.id IS NULL OR o.published_at IS NOT NULL)"
                        + " THEN 'PUBLISHED' ELSE d.status END AS status, d.reason_code, d.reason_text, d.created_at,"
                        + " coalesce(o.published_at, d.published_at) AS published_at, d.answered_at"
                        + " FROM message_delivery d LEFT JOIN outbox_message o ON o.id = d.message_id"
                        + " WHERE d.aggregatetype = ? AND d.aggregateid = ? ORDER BY d.created_at, d.sequence_number",
                row -> new Delivery(Sql.uuid(row, "message_id"), row.getString("recipient"), row.getString("type"),
                        row.getString("aggregatetype"), row.getString("aggregateid"), row.getLong("sequence_number"),
                        DeliveryStatus.valueOf(row.getString("status")), row.getString("reason_code"),
                        row.getString("reason_text"), Sql.instant(row, "created_at"), Sql.instant(row, "published_at"),
                        Sql.instant(row, "answered_at")),
                aggregateType, aggregateId);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
