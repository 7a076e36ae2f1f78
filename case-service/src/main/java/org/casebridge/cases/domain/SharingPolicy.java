package org.casebridge.cases.domain;

import java.util.Set;
import org.casebridge.directory.HandlingMarking;

/**
 * The rule for who may receive a case: handling markings are enforced, not advisory.
 *
 * <p>A case goes only to a partner whose sharing ceiling permits its marking, never to the lead agency itself, and a
 * {@code RED} case only to agencies named on it.
 */
public final class SharingPolicy {

    private SharingPolicy() {
    }

    /**
     * @param ownAgency       the agency deciding (must be the case's lead agency)
     * @param leadAgency      the case's lead agency
     * @param marking         the case's handling marking
     * @param namedRecipients agencies named on a RED case
     * @param partner         the agency that would receive it
     * @param partnerCeiling  the partner's sharing ceiling from the directory
     */
    public static SharingDecision decide(String ownAgency, String leadAgency, HandlingMarking marking,
                                         Set<String> namedRecipients, String partner, HandlingMarking partnerCeiling) {
        if (!ownAgency.equals(leadAgency)) {
            return SharingDecision.refuse("NOT_LEAD", "only the lead agency " + leadAgency + " may share this case");
        }
        if (ownAgency.equals(partner)) {
            return SharingDecision.refuse("SELF", "a case cannot be shared with its own agency");
        }
        if (!partnerCeiling.permits(marking)) {
            return SharingDecision.refuse("MARKING_CEILING", "the case is marked " + marking.label() + " but "
                    + partner + " may receive at most " + partnerCeiling.label());
        }
        if (marking == HandlingMarking.RED && !namedRecipients.contains(partner)) {
            return SharingDecision.refuse("RED_NOT_NAMED", "a " + HandlingMarking.RED.label()
                    + " case reaches only agencies named on it; " + partner + " is not named");
        }
        return SharingDecision.allow();
    }
}
