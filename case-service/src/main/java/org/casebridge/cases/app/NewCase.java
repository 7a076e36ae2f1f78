package org.casebridge.cases.app;

import java.util.Set;
import org.casebridge.cases.domain.CasePriority;
import org.casebridge.directory.HandlingMarking;

/** What an officer gives to open a case. */
public record NewCase(String title, String summary, Set<String> crimeCategories, CasePriority priority,
                      HandlingMarking marking, Set<String> namedRecipients) {
}
