package org.casebridge.loadharness;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples both nodes' outbox backlog from {@code /health} once a second and logs progress every five seconds.
 * One health request a second per node is negligible next to hundreds of updates.
 */
final class BacklogSampler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BacklogSampler.class);

    private final CaseApi lead;
    private final CaseApi partner;
    private final LoadRecorder recorder;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "backlog-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final Peak leadBacklog = new Peak();
    private final Peak leadLagMillis = new Peak();
    private final Peak partnerBacklog = new Peak();
    private final Peak inFlight = new Peak();
    private final long startNanos;
    private long samples;
    private long lastAccepted;
    private long lastApplied;

    /** The largest value seen and the latest. */
    static final class Peak {
        private final AtomicLong max = new AtomicLong();
        private final AtomicLong last = new AtomicLong();

        void add(long value) {
            last.set(value);
            max.accumulateAndGet(value, Math::max);
        }

        long max() {
            return max.get();
        }

        long last() {
            return last.get();
        }
    }

    BacklogSampler(CaseApi lead, CaseApi partner, LoadRecorder recorder, long startNanos) {
        this.lead = lead;
        this.partner = partner;
        this.recorder = recorder;
        this.startNanos = startNanos;
    }

    void start() {
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    /** Takes one sample now (also used for the figures at the end of the load). */
    synchronized void sample() {
        try {
            CaseApi.OutboxHealth leadHealth = lead.outboxHealth();
            CaseApi.OutboxHealth partnerHealth = partner.outboxHealth();
            leadBacklog.add(leadHealth.backlog());
            leadLagMillis.add(leadHealth.relayLagMillis());
            partnerBacklog.add(partnerHealth.backlog());
            inFlight.add(recorder.inFlight());
            if (samples++ % 5 == 0) {
                long accepted = recorder.acceptedDuringWindow();
                long applied = recorder.appliedDuringWindow();
                LOG.info("t={}s: window counts accepted +{}, applied at partner +{}; outbox backlog lead {} (lag {} ms), "
                                + "partner {}; updates in flight {}",
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos), accepted - lastAccepted,
                        applied - lastApplied, leadHealth.backlog(), leadHealth.relayLagMillis(),
                        partnerHealth.backlog(), recorder.inFlight());
                lastAccepted = accepted;
                lastApplied = applied;
            }
        } catch (Exception e) {
            LOG.warn("Health sample failed: {}", e.toString());
        }
    }

    Peak leadBacklog() {
        return leadBacklog;
    }

    Peak leadLagMillis() {
        return leadLagMillis;
    }

    Peak partnerBacklog() {
        return partnerBacklog;
    }

    Peak inFlight() {
        return inFlight;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
