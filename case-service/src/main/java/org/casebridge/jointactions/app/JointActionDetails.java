package org.casebridge.jointactions.app;

import java.util.List;
import org.casebridge.exchange.domain.Delivery;
import org.casebridge.jointactions.domain.JointAction;
import org.casebridge.jointactions.persistence.JointActionStore;

/**
 * An action with the linked cases this node holds, what became of them for each accepting agency (at the
 * coordinator), and the delivery state of the messages it sent about it.
 */
public record JointActionDetails(JointAction action, List<JointActionStore.CaseLink> caseLinks,
                                 List<JointActionStore.CaseShareOutcome> caseShares, List<Delivery> deliveries) {
}
