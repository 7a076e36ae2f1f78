package org.casebridge.loadharness;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The figures of one run, as a Markdown table row for the performance documentation.
 *
 * @param mode                 "open loop, 150/s" or "closed loop, 16 outstanding"
 * @param windowSeconds        length of the measurement window (after the warm-up)
 * @param sent                 updates sent in the window
 * @param accepted             of those, accepted by the lead node (HTTP 200)
 * @param acceptedPerSecond    updates the lead accepted during the window, per second
 * @param appliedPerSecond     updates the partner applied during the window, per second
 * @param endToEnd             send → applied at the partner, microseconds, for updates sent in the window
 * @param leadAnswer           send → HTTP answer of the lead, microseconds
 * @param notApplied           updates sent in the window and accepted, never seen at the partner after draining
 * @param refusedOrFailed      updates the lead refused or did not answer
 * @param skipped              arrivals dropped because no case or request slot was free (open loop)
 * @param leadBacklogMax       largest outbox backlog sampled at the lead
 * @param leadBacklogAtEnd     lead outbox backlog when the load stopped
 * @param leadLagMaxMillis     largest relay lag (age of the oldest unpublished record) sampled at the lead
 * @param partnerBacklogMax    largest outbox backlog sampled at the partner (receipts and domain events)
 * @param inFlightMax          most updates sent and not yet applied at the partner, sampled
 * @param drainMillis          from the end of the load until the partner had applied everything sent
 */
record LoadReport(String mode, double windowSeconds, long sent, long accepted, double acceptedPerSecond,
                  double appliedPerSecond, Histogram endToEnd, Histogram leadAnswer, long notApplied,
                  long refusedOrFailed, long skipped, long leadBacklogMax, long leadBacklogAtEnd,
                  long leadLagMaxMillis, long partnerBacklogMax, long inFlightMax, long drainMillis) {

    static final String HEADER = "| run | window | accepted by A | applied at B | end-to-end p50 / p99 / max "
            + "| A's answer p50 / p99 | not applied | refused, failed, skipped | A outbox backlog max / at end "
            + "(relay lag max) | B outbox backlog max | in flight max | drain |\n"
            + "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";

    /** The throughput both nodes kept up with: what the lead accepted and the partner applied, whichever is less. */
    double sustainedPerSecond() {
        return Math.min(acceptedPerSecond, appliedPerSecond);
    }

    String markdownRow() {
        return String.format(Locale.ROOT,
                "| %s | %.0f s | %.1f/s (%,d) | %.1f/s | %s / %s / %s | %s / %s | %d | %d, %d | %,d / %,d (%,d ms) "
                        + "| %,d | %,d | %,d ms |%n",
                mode, windowSeconds, acceptedPerSecond, accepted, appliedPerSecond,
                millis(endToEnd.getValueAtPercentile(50)), millis(endToEnd.getValueAtPercentile(99)),
                millis(endToEnd.getMaxValue()), millis(leadAnswer.getValueAtPercentile(50)),
                millis(leadAnswer.getValueAtPercentile(99)), notApplied, refusedOrFailed, skipped,
                leadBacklogMax, leadBacklogAtEnd, leadLagMaxMillis, partnerBacklogMax, inFlightMax, drainMillis);
    }

    String markdownTable() {
        return HEADER + markdownRow();
    }

    /** Microseconds as milliseconds, with one decimal below 10 ms. */
    static String millis(long micros) {
        double ms = micros / 1000.0;
        return ms < 10 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%,.0f ms", ms);
    }
}
