package org.casebridge.requests.domain;

/** What a person did with an evidence item, following the ISO/IEC 27037 handling steps and custody transfers. */
public enum CustodyAction {
    IDENTIFIED,
    COLLECTED,
    ACQUIRED,
    PRESERVED,
    TRANSFERRED,
    ANALYSED,
    STORED,
    RELEASED,
    /** Any other step; the note says which. The message contract's catch-all. */
    OTHER
}
