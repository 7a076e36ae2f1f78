package org.casebridge.exchange;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.casebridge.exchange.domain.OutboxMessage;
import org.casebridge.exchange.messaging.OutboxRelayHook;

/**
 * Makes the relay fail every time right after Kafka took a batch and before the outbox rows are marked, as a node
 * killed at that moment would. Only in test contexts that set {@value #PROPERTY}.
 */
@Singleton
@Requires(property = CrashBetweenPublishAndMark.PROPERTY, value = "true")
public class CrashBetweenPublishAndMark implements OutboxRelayHook {

    static final String PROPERTY = "test.outbox.crash-after-publish";

    private final AtomicInteger publishedMessages = new AtomicInteger();

    @Override
    public void afterPublish(List<OutboxMessage> batch) {
        publishedMessages.addAndGet(batch.size());
        throw new IllegalStateException("simulated crash between publishing and marking " + batch.size() + " rows");
    }

    /** How many messages reached Kafka without being marked, counting every attempt. */
    int publishedMessages() {
        return publishedMessages.get();
    }
}
