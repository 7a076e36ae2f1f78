package org.casebridge.jointactions.app;

import java.math.BigDecimal;
import java.util.List;
import org.casebridge.jointactions.domain.AssetKind;

/** What a participant reports after the action; amounts in major units of their currency. */
public record OutcomeReport(int arrests, int searches, int devicesSeized, List<SeizedAsset> assetsSeized,
                            int serversTakenDown, int domainsTakenDown, int victimsIdentified, String note) {

    /** One seized asset as entered. */
    public record SeizedAsset(AssetKind kind, String description, BigDecimal amount, String currency) {
    }
}
