package org.casebridge.cases.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.casebridge.directory.HandlingMarking;

/**
 * A case as one node holds it: its own case when this agency leads it, otherwise a read-only copy of a partner's.
 *
 * @param id               the case id, chosen by the lead agency
 * @param reference        the lead agency's reference number
 * @param leadAgency       the agency that owns the case
 * @param title            short title
 * @param summary          summary of the facts
 * @param crimeCategories  category codes from the taxonomy
 * @param status           where the case stands
 * @param priority         how urgently it is worked
 * @param marking          its TLP 2.0 handling marking
 * @param namedRecipients  agencies a {@code RED} case may reach
 * @param version          the revision; the {@code ETag} at the lead agency, the lead's revision on a copy
 * @param openedAt         when the lead agency opened it
 * @param updatedAt        when it last changed
 * @param createdBy        who opened it (user at the lead agency)
 */
public record CaseFile(UUID id, CaseReference reference, String leadAgency, String title, String summary,
                       Set<String> crimeCategories, CaseStatus status, CasePriority priority,
                       HandlingMarking marking, Set<String> namedRecipients, long version, Instant openedAt,
                       Instant updatedAt, String createdBy) {

    /** Longest title an officer may give. */
    public static final int MAX_TITLE_LENGTH = 200;
    /** Longest summary; longer material belongs in contributions or evidence. */
    public static final int MAX_SUMMARY_LENGTH = 20_000;

    public CaseFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(leadAgency, "leadAgency");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        crimeCategories = Set.copyOf(crimeCategories);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(marking, "marking");
        namedRecipients = Set.copyOf(namedRecipients);
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new case opened by this agency, at revision 1. */
    public static CaseFile open(UUID id, CaseReference reference, String leadAgency, String title, String summary,
                                Set<String> crimeCategories, CasePriority priority, HandlingMarking marking,
                                Set<String> namedRecipients, Instant now, String createdBy) {
        return new CaseFile(id, reference, leadAgency, title, summary, crimeCategories, CaseStatus.OPEN, priority,
                marking, namedRecipients, 1, now, now, createdBy);
    }

    /** True when {@code agency} owns the case; a copy held by anyone else is read-only. */
    public boolean isLedBy(String agency) {
        return leadAgency.equals(agency);
    }

    /**
     * The case after an update by its lead agency.
     *
     * @throws StaleVersionException if the editor saw an older revision
     * @throws CaseRuleException     if the update breaks a rule (a copy is read-only; a shared case's marking may
     *                               not be raised above what its partners may hold)
     */
    public CaseFile update(String editingAgency, long expectedVersion, CaseChanges changes, Instant now) {
        if (!isLedBy(editingAgency)) {
            throw new CaseRuleException("READ_ONLY_COPY", "this is a copy of a case led by " + leadAgency
                    + "; only the lead agency may change it");
        }
        if (expectedVersion != version) {
            throw new StaleVersionException(id, expectedVersion, version);
        }
        return new CaseFile(id, reference, leadAgency,
                changes.title() != null ? changes.title() : title,
                changes.summary() != null ? changes.summary() : summary,
                changes.crimeCategories() != null ? changes.crimeCategories() : crimeCategories,
                changes.status() != null ? changes.status() : status,
                changes.priority() != null ? changes.priority() : priority,
                changes.marking() != null ? changes.marking() : marking,
                changes.namedRecipients() != null ? changes.namedRecipients() : namedRecipients,
                version + 1, openedAt, now, createdBy);
    }

    /** The categories in a stable order, for messages and display. */
    public List<String> sortedCategories() {
        return crimeCategories.stream().sorted().toList();
    }
}
