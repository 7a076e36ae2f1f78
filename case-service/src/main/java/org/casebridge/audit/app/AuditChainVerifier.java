package org.casebridge.audit.app;

import jakarta.inject.Singleton;
import java.util.List;
import org.casebridge.audit.domain.AuditChainCheck;
import org.casebridge.audit.domain.AuditChainHead;
import org.casebridge.audit.domain.AuditEntry;
import org.casebridge.audit.domain.AuditVerification;
import org.casebridge.audit.persistence.AuditLogStore;

/**
 * Verifies the whole audit chain from the first row to the head: recomputes every hash, checks every link and that
 * no sequence number is missing.
 *
 * <p>Rows are read in pages of {@value #PAGE_SIZE}, each in a short read-only transaction of its own, so memory stays
 * flat and no transaction stays open for the length of a large log. That is safe because rows never change: a page
 * read later sees the same rows an earlier snapshot would have. Rows appended while it runs lie beyond the head read
 * at the start and are left for the next verification.
 */
@Singleton
public class AuditChainVerifier {

    static final int PAGE_SIZE = 1000;

    private final AuditLogStore store;

    public AuditChainVerifier(AuditLogStore store) {
        this.store = store;
    }

    /** Verifies every row up to the current head and names the first broken one. */
    public AuditVerification verify() {
        AuditChainHead head = store.readHead();
        AuditChainCheck check = new AuditChainCheck(head);
        long after = 0;
        while (after < head.lastSequence()) {
            List<AuditEntry> page = store.readInSequence(after, head.lastSequence(), PAGE_SIZE);
            for (AuditEntry row : page) {
                if (!check.accept(row)) {
                    return check.finish();
                }
            }
            if (page.size() < PAGE_SIZE) {
                break;
            }
            after = page.get(page.size() - 1).sequence();
        }
        return check.finish();
    }
}
