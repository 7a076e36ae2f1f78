package org.casebridge.audit.domain;

/**
 * Verifies a chain fed row by row in sequence order, so the caller can stream millions of rows in pages while
 * memory stays flat. Stops at the first break.
 *
 * <p>Each row is checked for, in this order: its sequence follows the previous one (else {@link ChainBreak#MISSING_ROW}
 * at the first absent sequence), it chains from the previous row's hash ({@link ChainBreak#BROKEN_LINK}), and its
 * stored hash is the hash of its contents ({@link ChainBreak#HASH_MISMATCH}). A row changed by hand therefore fails
 * at that very row; a row removed by hand fails at its sequence number.
 */
public final class AuditChainCheck {

    private final AuditChainHead head;
    private long expectedSequence = 1;
    private String expectedPrevHash = AuditChain.GENESIS_HASH;
    private long rowsChecked;
    private AuditVerification failure;

    /**
     * @param head the head read before the rows: the check expects exactly the rows up to it
     */
    public AuditChainCheck(AuditChainHead head) {
        this.head = head;
    }

    /**
     * Checks the next row.
     *
     * @return false once the chain is broken (at this row or before); later rows are ignored
     */
    public boolean accept(AuditEntry row) {
        if (failure != null) {
            return false;
        }
        if (row.sequence() != expectedSequence) {
            String detail = row.sequence() > expectedSequence
                    ? "row " + expectedSequence + " is absent; the next row present is " + row.sequence()
                    : "row " + row.sequence() + " appears again after row " + (expectedSequence - 1);
            ChainBreak reason = row.sequence() > expectedSequence ? ChainBreak.MISSING_ROW : ChainBreak.BROKEN_LINK;
            return fail(expectedSequence, reason, detail);
        }
        if (!expectedPrevHash.equals(row.prevHash())) {
            return fail(row.sequence(), ChainBreak.BROKEN_LINK, "row " + row.sequence() + " names previous hash "
                    + row.prevHash() + " but the row before it hashes to " + expectedPrevHash);
        }
        String recomputed = AuditChain.hashOf(row);
        if (!recomputed.equals(row.hash())) {
            return fail(row.sequence(), ChainBreak.HASH_MISMATCH, "row " + row.sequence() + " stores hash "
                    + row.hash() + " but its contents hash to " + recomputed);
        }
        rowsChecked++;
        expectedSequence = row.sequence() + 1;
        expectedPrevHash = row.hash();
        return true;
    }

    /** The sequence the next row must have; rows up to the one before it have verified. */
    public long expectedSequence() {
        return expectedSequence;
    }

    /** The result, once all rows up to the head were fed (or the chain broke). */
    public AuditVerification finish() {
        if (failure != null) {
            return failure;
        }
        long lastSequence = expectedSequence - 1;
        if (lastSequence < head.lastSequence()) {
            fail(expectedSequence, ChainBreak.MISSING_ROW, "the chain head is at row " + head.lastSequence()
                    + " but the rows end at " + lastSequence);
        } else if (lastSequence > head.lastSequence() || !expectedPrevHash.equals(head.lastHash())) {
            fail(lastSequence, ChainBreak.HEAD_MISMATCH, "the chain head names row " + head.lastSequence()
                    + " with hash " + head.lastHash() + " but the rows end at " + lastSequence + " with hash "
                    + expectedPrevHash);
        } else {
            return AuditVerification.intact(rowsChecked, head);
        }
        return failure;
    }

    private boolean fail(long sequence, ChainBreak reason, String detail) {
        failure = AuditVerification.broken(rowsChecked, head, sequence, reason, detail);
        return false;
    }
}
