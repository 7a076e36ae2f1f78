package org.casebridge.audit.domain;

/**
 * The result of verifying the audit chain.
 *
 * @param valid               true if every row up to the head verified
 * @param rowsChecked         rows that verified before the first break (all rows if valid)
 * @param headSequence        sequence of the chain head the verification ran up to
 * @param headHash            hash of that head; worth writing down elsewhere, since a later verification that
 *                            passes the same sequence must reach the same hash
 * @param firstBrokenSequence the sequence of the first row that failed, null if valid
 * @param reason              why it failed, null if valid
 * @param detail              what exactly did not match, null if valid
 */
public record AuditVerification(boolean valid, long rowsChecked, long headSequence, String headHash,
                                Long firstBrokenSequence, ChainBreak reason, String detail) {

    /** Every row verified. */
    public static AuditVerification intact(long rowsChecked, AuditChainHead head) {
        return new AuditVerification(true, rowsChecked, head.lastSequence(), head.lastHash(), null, null, null);
    }

    /** The chain breaks at {@code sequence}. */
    public static AuditVerification broken(long rowsChecked, AuditChainHead head, long sequence, ChainBreak reason,
                                           String detail) {
        return new AuditVerification(false, rowsChecked, head.lastSequence(), head.lastHash(), sequence, reason,
                detail);
    }
}
