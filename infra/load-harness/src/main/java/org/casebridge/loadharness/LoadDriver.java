package org.casebridge.loadharness;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends summary updates to the lead node's API, spread over the shared cases.
 *
 * <p>Updates of one case are sequential: each carries the case's current version in {@code If-Match}, so a case
 * waits in the idle queue until its previous update was answered. Taking cases from the head of the queue and
 * returning them to its tail spreads the updates round-robin.
 *
 * <p>Two modes: {@link #runOpenLoop} sends at a fixed arrival rate whatever the latency (so slow answers do not
 * slow the load down and hide themselves); {@link #runClosedLoop} keeps a fixed number of updates outstanding and
 * sends the next as soon as one is answered, which finds the most the node accepts.
 */
final class LoadDriver {

    private static final Logger LOG = LoggerFactory.getLogger(LoadDriver.class);

    private final CaseApi lead;
    private final LoadRecorder recorder;
    private final Queue<CaseSlot> idle = new ConcurrentLinkedQueue<>();
    private final Semaphore requestSlots;
    private final int concurrency;
    private final AtomicLong updateNumber = new AtomicLong();
    private final ExecutorService resync = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "case-version-resync");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long stopSendingNanos = Long.MAX_VALUE;

    /** A shared case and the version its next update is based on. */
    private static final class CaseSlot {
        final UUID id;
        long version;

        CaseSlot(UUID id, long version) {
            this.id = id;
            this.version = version;
        }
    }

    LoadDriver(CaseApi lead, LoadRecorder recorder, List<UUID> cases, long firstVersion, int concurrency) {
        this.lead = lead;
        this.recorder = recorder;
        this.concurrency = concurrency;
        this.requestSlots = new Semaphore(concurrency);
        cases.forEach(id -> idle.add(new CaseSlot(id, firstVersion)));
    }

    /** Sends at {@code ratePerSecond} from {@code startNanos} until {@code endNanos}, then waits for the answers. */
    void runOpenLoop(double ratePerSecond, long startNanos, long endNanos) throws InterruptedException {
        stopSendingNanos = endNanos;
        ArrivalSchedule schedule = new ArrivalSchedule(startNanos, ratePerSecond);
        for (long k = 0; ; k++) {
            long due = schedule.dueNanos(k);
            if (due >= endNanos) {
                break;
            }
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            CaseSlot slot = idle.poll();
            if (slot == null) {
                recorder.skipped();
                continue;
            }
            if (!requestSlots.tryAcquire()) {
                idle.add(slot);
                recorder.skipped();
                continue;
            }
            long now = System.nanoTime();
            if (recorder.inWindow(due)) {
                recorder.scheduleLag(now - due);
            }
            send(slot, now, false);
        }
        awaitAnswers();
    }

    /** Keeps {@code concurrency} updates outstanding from now until {@code endNanos}, then waits for the answers. */
    void runClosedLoop(long endNanos) throws InterruptedException {
        stopSendingNanos = endNanos;
        for (int i = 0; i < concurrency; i++) {
            CaseSlot slot = idle.poll();
            if (slot == null) {
                break;
            }
            requestSlots.acquire();
            send(slot, System.nanoTime(), true);
        }
        long wait;
        while ((wait = endNanos - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(200)));
        }
        awaitAnswers();
    }

    private void send(CaseSlot slot, long sentNanos, boolean continueWhenAnswered) {
        Revision next = new Revision(slot.id, slot.version + 1);
        recorder.sent(next, sentNanos);
        String summary = "Load update " + updateNumber.incrementAndGet() + " of this case: revision " + next.version()
                + " carries a changed summary to every partner it is shared with.";
        lead.updateSummary(slot.id, slot.version, summary).whenComplete((response, failure) -> {
            long answered = System.nanoTime();
            answered(slot, next, sentNanos, answered, response, failure);
            requestSlots.release();
            if (continueWhenAnswered && answered < stopSendingNanos) {
                CaseSlot following = idle.poll();
                if (following != null && requestSlots.tryAcquire()) {
                    send(following, System.nanoTime(), true);
                } else if (following != null) {
                    idle.add(following);
                }
            }
        });
    }

    private void answered(CaseSlot slot, Revision next, long sentNanos, long answeredNanos,
                          HttpResponse<Void> response, Throwable failure) {
        if (failure == null && response.statusCode() == 200) {
            recorder.accepted(sentNanos, answeredNanos);
            try {
                slot.version = CaseApi.parseEtag(response.headers().firstValue("ETag").orElse(""));
            } catch (IOException e) {
                slot.version = next.version();
            }
            idle.add(slot);
            return;
        }
        if (failure != null) {
            recorder.failed();
            LOG.warn("Update of case {} got no answer: {}", slot.id, failure.toString());
        } else {
            recorder.refused(next);
            LOG.warn("Update of case {} refused: HTTP {}", slot.id, response.statusCode());
        }
        // Reading the version again is a blocking call: not on the HTTP client's own threads, which it would need.
        resync.execute(() -> {
            try {
                slot.version = lead.currentVersion(slot.id);
            } catch (Exception e) {
                LOG.warn("Could not read the version of case {} again: {}", slot.id, e.toString());
            } finally {
                idle.add(slot);
            }
        });
    }

    /** Waits (at most 60 s) until every update sent has been answered. */
    private void awaitAnswers() throws InterruptedException {
        if (!requestSlots.tryAcquire(concurrency, 60, TimeUnit.SECONDS)) {
            LOG.warn("{} updates were still unanswered a minute after the load stopped",
                    concurrency - requestSlots.availablePermits());
            return;
        }
        requestSlots.release(concurrency);
        resync.shutdown();
    }
}
