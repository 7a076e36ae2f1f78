package org.casebridge.cases.domain;

/**
 * The life of a share at the lead agency: active until revoked, then waiting for the partner's purge confirmation.
 */
public enum ShareStatus {
    ACTIVE, REVOKED, PURGED
}
