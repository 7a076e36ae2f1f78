package org.casebridge.exchange.domain;

/**
 * A partner's message that this node will not apply, with the receipt reason code the sender gets back.
 *
 * <p>Thrown by inbound handlers; the business change is rolled back and the refusal recorded instead.
 */
public class MessageRefusal extends RuntimeException {

    private final String reasonCode;

    /**
     * @param reasonCode a symbol of the contract's {@code ReceiptReasonCode}, e.g. {@code NOT_SHARED}
     * @param reasonText what the sender's operators read
     */
    public MessageRefusal(String reasonCode, String reasonText) {
        super(reasonText);
        this.reasonCode = reasonCode;
    }

    public String reasonCode() {
        return reasonCode;
    }
}
