package org.casebridge.requests.domain;

import java.util.UUID;

/**
 * What a node keeps with one history entry besides the transition itself.
 *
 * @param note      the text that came with it (the information asked for, a progress note, a reason); null if none
 * @param messageId the partner message that carried it, sent or received; null for steps that stay local
 */
public record HistoryNote(String note, UUID messageId) {

    public static final HistoryNote NONE = new HistoryNote(null, null);
}
