package org.casebridge.audit.web;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.List;
import org.casebridge.audit.domain.AuditChain;
import org.casebridge.audit.domain.AuditEntry;

/**
 * One audit row as the API shows it; the fields are those of {@link AuditEntry}, roles as a list and the time as
 * ISO-8601 UTC with microseconds (exactly as it is hashed).
 */
@Serdeable
public record AuditEntryView(long sequence, String occurredAt, String username, String agency, List<String> roles,
                             String action, String objectType, String objectId, String outcome, String requestId,
                             String detail, String prevHash, String hash) {

    static AuditEntryView of(AuditEntry e) {
        List<String> roles = e.roles().isEmpty() ? List.of() : Arrays.asList(e.roles().split(","));
        return new AuditEntryView(e.sequence(), AuditChain.formatTime(e.occurredAt()), e.username(), e.agency(),
                roles, e.action(), e.objectType(), e.objectId(), e.outcome(), e.requestId(), e.detail(),
                e.prevHash(), e.hash());
    }
}
