package org.casebridge.jointactions.app;

import java.util.List;
import org.casebridge.exchange.domain.Delivery;
import org.casebridge.jointactions.domain.JointAction;
import org.casebridge.jointactions.persistence.JointActionStore;

/** An action with the linked cases this node holds and the delivery state of the messages it sent about it. */
public record JointActionDetails(JointAction action, List<JointActionStore.CaseLink> caseLinks,
                                 List<Delivery> deliveries) {
}
