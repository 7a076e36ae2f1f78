package org.casebridge.audit.domain;

/**
 * The end of the chain: the last appended row's sequence and hash ({@code 0} and the genesis hash while the log is
 * empty). The next row gets sequence {@code lastSequence + 1} and chains from {@code lastHash}.
 *
 * @param lastSequence sequence of the last row
 * @param lastHash     hash of the last row
 */
public record AuditChainHead(long lastSequence, String lastHash) {

    /** The head of an empty log. */
    public static AuditChainHead empty() {
        return new AuditChainHead(0, AuditChain.GENESIS_HASH);
    }
}
