package org.casebridge.requests.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A request's clocks reduced to the figures that are stored with it for lists and statistics, as they stand at one
 * instant.
 *
 * @param responseDueAt     the deadline of the final milestone (execute or respond; decide if the instrument has
 *                          neither), pauses included; null when no such clock runs yet
 * @param responseMilestone that milestone
 * @param nextDueAt         the earliest deadline not yet met while the request is open; for a preservation, its
 *                          expiry; null when none
 * @param nextMilestone     that deadline's milestone
 * @param pausedSeconds     time spent waiting for information in closed pauses
 * @param pausedSince       the start of the pause still open; null if none
 */
public record DeadlineSummary(Instant responseDueAt, Milestone responseMilestone, Instant nextDueAt,
                              Milestone nextMilestone, long pausedSeconds, Instant pausedSince) {

    /** The summary of {@code request} at {@code asOf}; every clock field null before the receipt. */
    public static DeadlineSummary of(EvidenceRequest request, LegalClock clock, Instant asOf) {
        long paused = 0;
        Instant pausedSince = null;
        for (PauseInterval pause : request.pauses()) {
            if (pause.isOpen()) {
                pausedSince = pause.from();
            } else {
                paused += Duration.between(pause.from(), pause.to()).toSeconds();
            }
        }
        List<Deadline> deadlines = request.deadlines(clock, asOf);
        Deadline response = find(deadlines, Milestone.EXECUTE)
                .or(() -> find(deadlines, Milestone.RESPOND))
                .or(() -> find(deadlines, Milestone.DECIDE))
                .orElse(null);
        Deadline next = null;
        if (!request.status().isTerminal()) {
            next = deadlines.stream()
                    .filter(d -> d.preservation() || (d.metAt() == null && request.status().isOpen()))
                    .min(Comparator.comparing(Deadline::dueAt))
                    .orElse(null);
        }
        return new DeadlineSummary(response == null ? null : response.dueAt(),
                response == null ? null : response.milestone(), next == null ? null : next.dueAt(),
                next == null ? null : next.milestone(), paused, pausedSince);
    }

    private static Optional<Deadline> find(List<Deadline> deadlines, Milestone milestone) {
        return deadlines.stream().filter(d -> d.milestone() == milestone).findFirst();
    }
}
