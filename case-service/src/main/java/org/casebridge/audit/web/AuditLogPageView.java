package org.casebridge.audit.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.casebridge.audit.app.AuditLogReader;

/**
 * A page of the audit log, newest first.
 *
 * @param items   the rows (an empty list, never absent, when none match)
 * @param page    zero-based page number
 * @param size    page size asked for
 * @param hasMore whether the next page has rows
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditLogPageView(List<AuditEntryView> items, int page, int size, boolean hasMore) {

    public AuditLogPageView {
        items = items == null ? List.of() : List.copyOf(items);
    }

    static AuditLogPageView of(AuditLogReader.AuditLogPage page) {
        return new AuditLogPageView(page.entries().stream().map(AuditEntryView::of).toList(), page.page(),
                page.size(), page.hasMore());
    }
}
