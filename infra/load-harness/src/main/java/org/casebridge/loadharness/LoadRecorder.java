package org.casebridge.loadharness;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What happened to each update: when it was sent to the lead node, whether the lead accepted it, and when the
 * partner applied it. Only updates <em>sent</em> inside the measurement window count towards latency; throughput
 * counts what the lead accepted and the partner applied inside the window.
 *
 * <p>Latencies go into HdrHistograms in microseconds (up to two minutes, three significant digits), which record
 * from many threads without sorting or keeping every sample.
 */
final class LoadRecorder {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(2);

    private final long windowStartNanos;
    private final long windowEndNanos;
    /** Updates sent and not yet applied at the partner, by the revision they will create, with their send time. */
    private final Map<Revision, Long> inFlight = new ConcurrentHashMap<>();
    private final Histogram endToEnd = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final Histogram leadAnswer = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final LongAdder sentInWindow = new LongAdder();
    private final LongAdder acceptedInWindow = new LongAdder();
    private final LongAdder acceptedDuringWindow = new LongAdder();
    private final LongAdder appliedDuringWindow = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final AtomicLong maxScheduleLagNanos = new AtomicLong();

    LoadRecorder(long windowStartNanos, long windowEndNanos) {
        this.windowStartNanos = windowStartNanos;
        this.windowEndNanos = windowEndNanos;
    }

    boolean inWindow(long nanos) {
        return nanos >= windowStartNanos && nanos < windowEndNanos;
    }

    void sent(Revision revision, long sentNanos) {
        inFlight.put(revision, sentNanos);
        if (inWindow(sentNanos)) {
            sentInWindow.increment();
        }
    }

    /** The lead node accepted the update (HTTP 200). */
    void accepted(long sentNanos, long answeredNanos) {
        if (inWindow(sentNanos)) {
            acceptedInWindow.increment();
            leadAnswer.recordValue(micros(answeredNanos - sentNanos));
        }
        if (inWindow(answeredNanos)) {
            acceptedDuringWindow.increment();
        }
    }

    /** The lead node refused the update (any status but 200): it will never reach the partner. */
    void refused(Revision revision) {
        inFlight.remove(revision);
        refused.increment();
    }

    /** The request did not get an answer. Whether the lead applied it is unknown, so it stays in flight. */
    void failed() {
        failed.increment();
    }

    /** An arrival found no case free to update (all had an update on the way) or no free request slot. */
    void skipped() {
        skipped.increment();
    }

    void scheduleLag(long lagNanos) {
        maxScheduleLagNanos.accumulateAndGet(lagNanos, Math::max);
    }

    /** The partner committed {@code version} of a case; revisions the load did not send are ignored. */
    void applied(UUID caseId, long version, long seenNanos) {
        Long sentNanos = inFlight.remove(new Revision(caseId, version));
        if (sentNanos == null) {
            return;
        }
        if (inWindow(sentNanos)) {
            endToEnd.recordValue(micros(seenNanos - sentNanos));
        }
        if (inWindow(seenNanos)) {
            appliedDuringWindow.increment();
        }
    }

    /** Updates sent but not (yet) seen at the partner. */
    int inFlight() {
        return inFlight.size();
    }

    /** Updates sent inside the window and not (yet) seen at the partner. */
    long inFlightFromWindow() {
        return inFlight.values().stream().filter(this::inWindow).count();
    }

    Histogram endToEnd() {
        return endToEnd;
    }

    Histogram leadAnswer() {
        return leadAnswer;
    }

    long sentInWindow() {
        return sentInWindow.sum();
    }

    long acceptedInWindow() {
        return acceptedInWindow.sum();
    }

    long acceptedDuringWindow() {
        return acceptedDuringWindow.sum();
    }

    long appliedDuringWindow() {
        return appliedDuringWindow.sum();
    }

    long refusedCount() {
        return refused.sum();
    }

    long failedCount() {
        return failed.sum();
    }

    long skippedCount() {
        return skipped.sum();
    }

    long maxScheduleLagNanos() {
        return maxScheduleLagNanos.get();
    }

    double windowSeconds() {
        return (windowEndNanos - windowStartNanos) / 1e9;
    }

    private static long micros(long nanos) {
        return Math.min(HIGHEST_MICROS, Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos)));
    }
}
