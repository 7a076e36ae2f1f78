package org.casebridge.statistics.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;

/** {@code casebridge.statistics.*}. */
@ConfigurationProperties("casebridge.statistics")
public class StatisticsSettings {

    @Min(0)
    private int smallCountThreshold = 5;

    /** Counts from 1 up to one below this are suppressed in every statistic the API gives out. */
    public int getSmallCountThreshold() {
        return smallCountThreshold;
    }

    public void setSmallCountThreshold(int smallCountThreshold) {
        this.smallCountThreshold = smallCountThreshold;
    }
}
