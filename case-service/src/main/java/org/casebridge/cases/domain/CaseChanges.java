package org.casebridge.cases.domain;

import java.util.Set;
import org.casebridge.directory.HandlingMarking;

/** What an update changes; a null component stays as it was. */
public record CaseChanges(String title, String summary, Set<String> crimeCategories, CaseStatus status,
                          CasePriority priority, HandlingMarking marking, Set<String> namedRecipients) {

    public boolean isEmpty() {
        return title == null && summary == null && crimeCategories == null && status == null && priority == null
                && marking == null && namedRecipients == null;
    }
}
