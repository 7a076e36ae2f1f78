package org.casebridge.audit.app;

import jakarta.inject.Singleton;
import java.util.List;
import org.casebridge.audit.domain.AuditEntry;
import org.casebridge.audit.persistence.AuditLogFilter;
import org.casebridge.audit.persistence.AuditLogStore;

/** Lists the audit log for administrators, newest first. */
@Singleton
public class AuditLogReader {

    /** Largest page a client may ask for. */
    public static final int MAX_PAGE_SIZE = 500;

    private final AuditLogStore store;

    public AuditLogReader(AuditLogStore store) {
        this.store = store;
    }

    /**
     * One page of matching rows.
     *
     * @param page zero-based page number
     * @param size rows per page, 1 to {@value #MAX_PAGE_SIZE}
     */
    public AuditLogPage list(AuditLogFilter filter, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be >= 0 and size 1.." + MAX_PAGE_SIZE);
        }
        // One row more than asked tells whether another page follows, without counting millions of rows.
        List<AuditEntry> rows = store.search(filter, (long) page * size, size + 1);
        boolean hasMore = rows.size() > size;
        return new AuditLogPage(hasMore ? rows.subList(0, size) : rows, page, size, hasMore);
    }

    /**
     * A page of audit rows.
     *
     * @param entries the rows, newest first
     * @param page    zero-based page number
     * @param size    the page size asked for
     * @param hasMore whether a next page has rows
     */
    public record AuditLogPage(List<AuditEntry> entries, int page, int size, boolean hasMore) {
        public AuditLogPage {
            entries = List.copyOf(entries);
        }
    }
}
