package org.casebridge.cases.app;

import java.util.List;
import org.casebridge.cases.domain.CaseFile;
import org.casebridge.cases.domain.CaseShare;
import org.casebridge.cases.domain.Contribution;

/** A case with its shares and contributions, as the case page shows it. */
public record CaseDetails(CaseFile caseFile, List<CaseShare> shares, List<Contribution> contributions) {
}
