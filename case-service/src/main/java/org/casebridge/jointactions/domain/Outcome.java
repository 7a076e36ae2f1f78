package org.casebridge.jointactions.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one participant achieved in the action. A later report by the same participant replaces the earlier one.
 *
 * @param agency            the reporting participant
 * @param arrests           persons arrested
 * @param searches          searches carried out
 * @param devicesSeized     devices seized
 * @param assetsSeized      assets seized, with their value
 * @param serversTakenDown  servers taken down
 * @param domainsTakenDown  domains taken down or seized
 * @param victimsIdentified victims identified
 * @param note              free text, or null
 * @param reportedAt        when it was reported
 * @param reportedBy        the reporting officer at that agency, or null when not known here
 */
public record Outcome(String agency, int arrests, int searches, int devicesSeized, List<AssetSeizure> assetsSeized,
                      int serversTakenDown, int domainsTakenDown, int victimsIdentified, String note,
                      Instant reportedAt, String reportedBy) {

    public static final int MAX_ASSETS = 200;

    public Outcome {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(reportedAt, "reportedAt");
        requireCount(arrests, "arrests");
        requireCount(searches, "searches");
        requireCount(devicesSeized, "devicesSeized");
        requireCount(serversTakenDown, "serversTakenDown");
        requireCount(domainsTakenDown, "domainsTakenDown");
        requireCount(victimsIdentified, "victimsIdentified");
        assetsSeized = List.copyOf(assetsSeized);
        if (assetsSeized.size() > MAX_ASSETS) {
            throw new JointActionRuleException("INVALID", "assetsSeized", "at most " + MAX_ASSETS + " assets per report");
        }
    }

    private static void requireCount(int count, String field) {
        if (count < 0) {
            throw new JointActionRuleException("INVALID", field, "must not be negative");
        }
    }
}
