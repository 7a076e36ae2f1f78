package org.casebridge.exchange.domain;

/**
 * Where a message to a partner is: waiting in the outbox, on the partner's inbox topic, or answered by the
 * partner's receipt.
 */
public enum DeliveryStatus {
    PENDING, PUBLISHED, APPLIED, REFUSED
}
