package org.casebridge.requests.domain;

/** The grounds on which a requested agency refuses a request, as used in mutual legal assistance. */
public enum RefusalGround {
    NO_DUAL_CRIMINALITY,
    POLITICAL_OFFENCE,
    /** A risk to human rights or of persecution. */
    HUMAN_RIGHTS_RISK,
    NE_BIS_IN_IDEM,
    INSUFFICIENT_INFORMATION,
    DATA_NO_LONGER_AVAILABLE,
    OUTSIDE_COMPETENCE,
    /** Any other ground; the refusal must then explain it in free text. */
    OTHER
}
