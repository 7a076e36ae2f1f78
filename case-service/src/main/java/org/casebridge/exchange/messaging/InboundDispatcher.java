package org.casebridge.exchange.messaging;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.casebridge.exchange.app.InboundMessageHandler;
import org.casebridge.exchange.domain.MessageRefusal;
import org.casebridge.schema.codec.VerifiedMessage;

/** Hands each verified message to the feature that applies its payload type. */
@Singleton
class InboundDispatcher {

    private final Map<Class<? extends SpecificRecord>, InboundMessageHandler> handlers = new HashMap<>();

    InboundDispatcher(List<InboundMessageHandler> handlerBeans) {
        for (InboundMessageHandler handler : handlerBeans) {
            for (Class<? extends SpecificRecord> type : handler.payloadTypes()) {
                InboundMessageHandler previous = handlers.put(type, handler);
                if (previous != null) {
                    throw new IllegalStateException(type.getSimpleName() + " has two handlers: "
                            + previous.getClass().getSimpleName() + " and " + handler.getClass().getSimpleName());
                }
            }
        }
    }

    void dispatch(VerifiedMessage message) {
        InboundMessageHandler handler = handlers.get(message.payload().getClass());
        if (handler == null) {
            // A type the contract knows but this node does not handle (yet): refuse rather than drop silently.
            throw new MessageRefusal("UNKNOWN_PAYLOAD_TYPE", "this node does not apply "
                    + message.type().simpleName() + " messages");
        }
        handler.apply(message);
    }
}
