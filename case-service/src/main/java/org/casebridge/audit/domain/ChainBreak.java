package org.casebridge.audit.domain;

/** Why verification of the audit chain stopped at a row. */
public enum ChainBreak {
    /** The row's stored hash is not the hash of its contents: the row was changed after it was written. */
    HASH_MISMATCH("hash mismatch"),
    /** The row does not chain from the row before it: a row before it was replaced, or the link itself changed. */
    BROKEN_LINK("broken link"),
    /** A sequence number is absent: the row was deleted. */
    MISSING_ROW("missing row"),
    /** The rows are intact but end elsewhere than the chain head says: the last rows were changed or removed. */
    HEAD_MISMATCH("head mismatch");

    private final String text;

    ChainBreak(String text) {
        this.text = text;
    }

    /** The reason as shown to administrators, e.g. {@code hash mismatch}. */
    public String text() {
        return text;
    }
}
