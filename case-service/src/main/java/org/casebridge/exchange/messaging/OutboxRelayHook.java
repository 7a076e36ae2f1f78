package org.casebridge.exchange.messaging;

import java.util.List;
import org.casebridge.exchange.domain.OutboxMessage;

/**
 * A point between publishing a batch and marking it published. The node has no implementation; crash-safety tests
 * use it to stop a node exactly there.
 */
public interface OutboxRelayHook {

    void afterPublish(List<OutboxMessage> batch);
}
