package org.casebridge.jointactions.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sum of all participants' outcomes. Seized values are totalled per currency, never converted: exchange rates
 * are not the system's to choose.
 *
 * @param reportedBy         agencies whose reports are included, sorted
 * @param arrests            total arrests
 * @param searches           total searches
 * @param devicesSeized      total devices seized
 * @param assetsSeized       number of seized assets
 * @param seizedByCurrency   total seized value per currency, in minor units, by currency code
 * @param serversTakenDown   total servers taken down
 * @param domainsTakenDown   total domains taken down
 * @param victimsIdentified  total victims identified
 */
public record OutcomeTotals(List<String> reportedBy, long arrests, long searches, long devicesSeized,
                            long assetsSeized, Map<String, Long> seizedByCurrency, long serversTakenDown,
                            long domainsTakenDown, long victimsIdentified) {

    public OutcomeTotals {
        reportedBy = List.copyOf(reportedBy);
        seizedByCurrency = Map.copyOf(seizedByCurrency);
    }

    public static OutcomeTotals of(Collection<Outcome> outcomes) {
        long arrests = 0;
        long searches = 0;
        long devices = 0;
        long assets = 0;
        long servers = 0;
        long domains = 0;
        long victims = 0;
        Map<String, Long> byCurrency = new TreeMap<>();
        for (Outcome outcome : outcomes) {
            arrests += outcome.arrests();
            searches += outcome.searches();
            devices += outcome.devicesSeized();
            servers += outcome.serversTakenDown();
            domains += outcome.domainsTakenDown();
            victims += outcome.victimsIdentified();
            for (AssetSeizure asset : outcome.assetsSeized()) {
                assets++;
                byCurrency.merge(asset.value().currency(), asset.value().amountMinor(), Math::addExact);
            }
        }
        return new OutcomeTotals(outcomes.stream().map(Outcome::agency).sorted().toList(), arrests, searches, devices,
                assets, byCurrency, servers, domains, victims);
    }

    /** The seized values per currency as money, sorted by currency code. */
    public List<Money> seizedValues() {
        return new TreeMap<>(seizedByCurrency).entrySet().stream()
                .map(e -> new Money(e.getValue(), e.getKey())).toList();
    }
}
