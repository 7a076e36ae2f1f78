package org.casebridge.cases.app;

import java.util.List;
import java.util.UUID;

/**
 * What sharing on a standing consent did with each case.
 *
 * @param shared        cases newly shared with the partner
 * @param alreadyShared cases the partner already had an active share of
 * @param skipped       cases that could not be shared, each with the reason
 */
public record ConsentShares(List<UUID> shared, List<UUID> alreadyShared, List<Skipped> skipped) {

    public ConsentShares {
        shared = List.copyOf(shared);
        alreadyShared = List.copyOf(alreadyShared);
        skipped = List.copyOf(skipped);
    }

    /**
     * A case that was not shared.
     *
     * @param caseId    the case
     * @param reference its reference, or null when this node no longer holds it
     * @param code      why: a sharing rule's code ({@code MARKING_CEILING}, {@code RED_NOT_NAMED}, {@code NOT_LEAD}),
     *                  {@code UNKNOWN_CASE} or {@code UNKNOWN_AGENCY}
     * @param reason    the explanation for officers
     */
    public record Skipped(UUID caseId, String reference, String code, String reason) {
    }
}
