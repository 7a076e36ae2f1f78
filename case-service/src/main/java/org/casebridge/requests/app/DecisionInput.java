package org.casebridge.requests.app;

import org.casebridge.requests.domain.RefusalGround;

/**
 * The requested agency's answer on review.
 *
 * @param decision    accept, refuse or ask for information
 * @param ground      the refusal ground; for a refusal only
 * @param explanation free text: why (refusal; required for ground OTHER) or a remark on acceptance
 * @param question    the information needed; for an information request only
 */
public record DecisionInput(Kind decision, RefusalGround ground, String explanation, String question) {

    /** The three answers a review can give. */
    public enum Kind {
        ACCEPT,
        REFUSE,
        REQUEST_INFORMATION
    }
}
