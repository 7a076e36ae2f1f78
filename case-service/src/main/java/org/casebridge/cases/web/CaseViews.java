package org.casebridge.cases.web;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.casebridge.cases.app.CaseDetails;
import org.casebridge.cases.domain.CaseFile;
import org.casebridge.cases.domain.CaseShare;
import org.casebridge.cases.domain.Contribution;
import org.casebridge.exchange.domain.Delivery;

/** Response bodies of the case API. */
final class CaseViews {

    private CaseViews() {
    }

    @Serdeable
    record CaseSummaryView(UUID id, String reference, String leadAgency, boolean copy, String title,
                           List<String> crimeCategories, String status, String priority, String handlingMarking,
                           long version, Instant openedAt, Instant updatedAt) {

        static CaseSummaryView of(CaseFile caseFile, String ownAgency) {
            return new CaseSummaryView(caseFile.id(), caseFile.reference().value(), caseFile.leadAgency(),
                    !caseFile.isLedBy(ownAgency), caseFile.title(), caseFile.sortedCategories(),
                    caseFile.status().name(), caseFile.priority().name(), caseFile.marking().name(),
                    caseFile.version(), caseFile.openedAt(), caseFile.updatedAt());
        }
    }

    @Serdeable
    record CaseView(UUID id, String reference, String leadAgency, String originAgency, boolean copy, String title,
                    String summary, List<String> crimeCategories, String status, String priority,
                    String handlingMarking, List<String> namedRecipients, long version, Instant openedAt,
                    Instant updatedAt, String createdBy, List<ShareView> shares,
                    List<ContributionView> contributions) {

        static CaseView of(CaseFile caseFile, List<CaseShare> shares, List<Contribution> contributions,
                           String ownAgency) {
            return new CaseView(caseFile.id(), caseFile.reference().value(), caseFile.leadAgency(),
                    caseFile.leadAgency(), !caseFile.isLedBy(ownAgency), caseFile.title(), caseFile.summary(),
                    caseFile.sortedCategories(), caseFile.status().name(), caseFile.priority().name(),
                    caseFile.marking().name(), caseFile.namedRecipients().stream().sorted().toList(),
                    caseFile.version(), caseFile.openedAt(), caseFile.updatedAt(), caseFile.createdBy(),
                    shares.stream().map(ShareView::of).toList(),
                    contributions.stream().map(ContributionView::of).toList());
        }

        static CaseView of(CaseDetails details, String ownAgency) {
            return of(details.caseFile(), details.shares(), details.contributions(), ownAgency);
        }
    }

    @Serdeable
    record ShareView(String agency, String status, Instant sharedAt, String sharedBy, Instant revokedAt,
                     Instant purgedAt) {

        static ShareView of(CaseShare share) {
            return new ShareView(share.agency(), share.status().name(), share.sharedAt(), share.sharedBy(),
                    share.revokedAt(), share.purgedAt());
        }
    }

    @Serdeable
    record ContributionView(UUID id, String agency, String author, String kind, String text, Instant createdAt) {

        static ContributionView of(Contribution contribution) {
            return new ContributionView(contribution.id(), contribution.agency(), contribution.author(),
                    contribution.kind().name(), contribution.text(), contribution.createdAt());
        }
    }

    @Serdeable
    record CasePageView(List<CaseSummaryView> items, int page, int size, long total) {
    }

    @Serdeable
    record DeliveryView(UUID messageId, String recipient, String type, long sequenceNumber, String status,
                        String reasonCode, String reasonText, Instant createdAt, Instant publishedAt,
                        Instant answeredAt) {

        static DeliveryView of(Delivery delivery) {
            return new DeliveryView(delivery.messageId(), delivery.recipient(), delivery.type(),
                    delivery.sequenceNumber(), delivery.status().name(), delivery.reasonCode(), delivery.reasonText(),
                    delivery.createdAt(), delivery.publishedAt(), delivery.answeredAt());
        }
    }

    @Serdeable
    record TimelineEntryView(Instant at, String actor, String agency, String action, String outcome, String detail) {
    }
}
