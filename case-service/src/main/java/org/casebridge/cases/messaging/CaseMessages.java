package org.casebridge.cases.messaging;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.casebridge.cases.domain.CaseFile;
import org.casebridge.cases.domain.CasePriority;
import org.casebridge.cases.domain.CaseReference;
import org.casebridge.cases.domain.CaseStatus;
import org.casebridge.cases.domain.Contribution;
import org.casebridge.cases.domain.ContributionKind;
import org.casebridge.directory.HandlingMarking;
import org.casebridge.messages.v1.CaseContributionAdded;
import org.casebridge.messages.v1.CaseNote;
import org.casebridge.messages.v1.CaseShareRevoked;
import org.casebridge.messages.v1.CaseShared;
import org.casebridge.messages.v1.CaseUpdated;

/**
 * Maps cases between the domain and the message contract; the only place that knows both.
 *
 * <p>Contributions travel inside {@code CaseShared} as notes whose author reads {@code AGENCY/username}, so a
 * partner that joins later sees who wrote what.
 */
@Singleton
public class CaseMessages {

    public CaseShared caseShared(CaseFile caseFile, List<String> sharedWith, List<Contribution> contributions) {
        return CaseShared.newBuilder()
                .setCaseId(caseFile.id())
                .setReference(caseFile.reference().value())
                .setLeadAgency(caseFile.leadAgency())
                .setRevision(caseFile.version())
                .setTitle(caseFile.title())
                .setSummary(caseFile.summary())
                .setCrimeCategories(caseFile.sortedCategories())
                .setStatus(org.casebridge.messages.v1.CaseStatus.valueOf(caseFile.status().name()))
                .setPriority(org.casebridge.messages.v1.CasePriority.valueOf(caseFile.priority().name()))
                .setOpenedAt(caseFile.openedAt())
                .setSharedWith(List.copyOf(sharedWith))
                .setNotes(contributions.stream().map(c -> CaseNote.newBuilder()
                        .setNoteId(c.id())
                        .setAuthor(c.agency() + "/" + c.author())
                        .setWrittenAt(c.createdAt())
                        .setText(c.text())
                        .build()).toList())
                .build();
    }

    public CaseUpdated caseUpdated(CaseFile caseFile) {
        return CaseUpdated.newBuilder()
                .setCaseId(caseFile.id())
                .setRevision(caseFile.version())
                .setTitle(caseFile.title())
                .setSummary(caseFile.summary())
                .setCrimeCategories(caseFile.sortedCategories())
                .setStatus(org.casebridge.messages.v1.CaseStatus.valueOf(caseFile.status().name()))
                .setPriority(org.casebridge.messages.v1.CasePriority.valueOf(caseFile.priority().name()))
                .setUpdatedAt(caseFile.updatedAt())
                // Set explicitly: a record-typed default would be built reflectively, which Avro's class checks refuse.
                .setNotesAdded(List.of())
                .build();
    }

    public CaseShareRevoked shareRevoked(CaseFile caseFile, Instant at) {
        return CaseShareRevoked.newBuilder()
                .setCaseId(caseFile.id())
                .setReference(caseFile.reference().value())
                .setRevokedAt(at)
                .build();
    }

    public CaseContributionAdded contributionAdded(Contribution contribution) {
        return CaseContributionAdded.newBuilder()
                .setCaseId(contribution.caseId())
                .setContributionId(contribution.id())
                .setContributingAgency(contribution.agency())
                .setKind(org.casebridge.messages.v1.ContributionKind.valueOf(contribution.kind().name()))
                .setAuthor(contribution.author())
                .setText(contribution.text())
                .setAddedAt(contribution.createdAt())
                .build();
    }

    /** The copy a partner keeps of a shared case. */
    CaseFile copyOf(CaseShared shared, HandlingMarking marking) {
        return new CaseFile(shared.getCaseId(), new CaseReference(shared.getReference()), shared.getLeadAgency(),
                shared.getTitle(), shared.getSummary(), Set.copyOf(shared.getCrimeCategories()),
                status(shared.getStatus()), priority(shared.getPriority()), marking,
                marking == HandlingMarking.RED ? Set.copyOf(shared.getSharedWith()) : Set.of(),
                shared.getRevision(), shared.getOpenedAt(), shared.getOpenedAt(), null);
    }

    /** A copy after the lead's update. */
    CaseFile copyUpdated(CaseFile copy, CaseUpdated updated, HandlingMarking marking) {
        return new CaseFile(copy.id(), copy.reference(), copy.leadAgency(), updated.getTitle(), updated.getSummary(),
                Set.copyOf(updated.getCrimeCategories()), status(updated.getStatus()), priority(updated.getPriority()),
                marking, copy.namedRecipients(), updated.getRevision(), copy.openedAt(), updated.getUpdatedAt(),
                copy.createdBy());
    }

    /** Notes of a {@code CaseShared} back into contributions; a note without an agency counts as the lead's. */
    List<Contribution> contributionsOf(CaseShared shared) {
        return shared.getNotes().stream().map(note -> {
            String author = note.getAuthor();
            int slash = author.indexOf('/');
            String agency = slash > 0 ? author.substring(0, slash) : shared.getLeadAgency();
            String user = slash > 0 ? author.substring(slash + 1) : author;
            return new Contribution(note.getNoteId(), shared.getCaseId(), agency, user, ContributionKind.NOTE,
                    note.getText(), note.getWrittenAt());
        }).toList();
    }

    Contribution contributionOf(CaseContributionAdded added) {
        ContributionKind kind = switch (added.getKind()) {
            case FINDING -> ContributionKind.FINDING;
            default -> ContributionKind.NOTE;
        };
        return new Contribution(added.getContributionId(), added.getCaseId(), added.getContributingAgency(),
                added.getAuthor(), kind, added.getText(), added.getAddedAt());
    }

    static HandlingMarking marking(org.casebridge.messages.v1.HandlingMarking marking) {
        return HandlingMarking.valueOf(marking.name());
    }

    private static CaseStatus status(org.casebridge.messages.v1.CaseStatus status) {
        return switch (status) {
            case OPEN -> CaseStatus.OPEN;
            case ACTIVE -> CaseStatus.ACTIVE;
            case SUSPENDED -> CaseStatus.SUSPENDED;
            case CLOSED -> CaseStatus.CLOSED;
            // A status this node does not know yet: keep the case visible as open rather than refuse the share.
            default -> CaseStatus.OPEN;
        };
    }

    private static CasePriority priority(org.casebridge.messages.v1.CasePriority priority) {
        return CasePriority.valueOf(priority.name());
    }
}
