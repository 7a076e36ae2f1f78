package org.casebridge.exchange.app;

import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.casebridge.schema.codec.VerifiedMessage;

/**
 * Applies one kind of partner message to this node's state. Implementations live with their feature (cases,
 * evidence requests, joint actions) and run inside the inbox transaction.
 *
 * <p>To refuse a message, throw {@link org.casebridge.exchange.domain.MessageRefusal}: the change is rolled back and
 * the sender gets a refused receipt with its reason code.
 */
public interface InboundMessageHandler {

    /** The payload classes this handler applies. */
    Set<Class<? extends SpecificRecord>> payloadTypes();

    /** Applies a verified message addressed to this node. */
    void apply(VerifiedMessage message);
}
