package org.casebridge.jointactions.domain;

/** Kind of seized asset. */
public enum AssetKind {
    BANK_FUNDS, CRYPTOCURRENCY, CASH, VEHICLE, REAL_ESTATE, OTHER
}
