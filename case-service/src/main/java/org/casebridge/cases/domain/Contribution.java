package org.casebridge.cases.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A note or finding added to a case by its lead agency or a partner it is shared with.
 *
 * @param id           chosen by the contributing agency, so every copy names it alike
 * @param caseId       the case
 * @param agency       the contributing agency
 * @param author       the contributing user
 * @param kind         note or finding
 * @param text         the contribution
 * @param createdAt    when it was written
 */
public record Contribution(UUID id, UUID caseId, String agency, String author, ContributionKind kind, String text,
                           Instant createdAt) {

    /** Longest contribution text accepted. */
    public static final int MAX_TEXT_LENGTH = 10_000;
}
