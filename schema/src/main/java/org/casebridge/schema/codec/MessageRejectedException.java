package org.casebridge.schema.codec;

import java.util.Objects;
import java.util.Optional;

import org.casebridge.messages.v1.Envelope;
import org.casebridge.messages.v1.ReceiptReasonCode;

/**
 * The codec refused a record. {@link #reason()} says why, in terms a node can put into a refused
 * {@code DeliveryReceipt} ({@link #receiptCode()}).
 *
 * <p>When the envelope could be decoded, {@link #envelope()} holds it so the node can address the receipt. Its
 * content is vouched for by the sender's signature only when {@link #authenticated()} is true (the refusal came
 * after the signature check: a wrong recipient or a payload problem); otherwise anyone could have written it.
 */
public final class MessageRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RejectionReason reason;
    private final transient Envelope envelope;
    private final boolean authenticated;

    MessageRejectedException(RejectionReason reason, String detail, Envelope envelope, boolean authenticated, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = Objects.requireNonNull(reason);
        this.envelope = envelope;
        this.authenticated = authenticated;
    }

    MessageRejectedException(RejectionReason reason, String detail) {
        this(reason, detail, null, false, null);
    }

    /** Why the record was refused. */
    public RejectionReason reason() {
        return reason;
    }

    /** The reason code for a refused delivery receipt. */
    public ReceiptReasonCode receiptCode() {
        return reason.receiptCode();
    }

    /** The decoded envelope, if decoding got that far. */
    public Optional<Envelope> envelope() {
        return Optional.ofNullable(envelope);
    }

    /** Whether the envelope's signature was verified before the record was refused. */
    public boolean authenticated() {
        return authenticated;
    }
}
