package org.casebridge.jointactions.domain;

/** A participant's answer to the invitation. */
public enum ParticipationAnswer {
    PENDING, ACCEPTED, DECLINED
}
