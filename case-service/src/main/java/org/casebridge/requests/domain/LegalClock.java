package org.casebridge.requests.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The legal clocks of one instrument, counted in the requested agency's time zone.
 *
 * <p>Rules, from the instrument catalogue:
 * <ul>
 *   <li>A clock starts at the requested agency's receipt, or at its decision for rules anchored on
 *       {@link ClockAnchor#DECISION}; before that decision the clock does not run and has no deadline.</li>
 *   <li>Periods in days are calendar days in the requested agency's zone, periods in hours are elapsed time (see
 *       {@link LegalPeriod}). All instants in and out are UTC {@link Instant}s.</li>
 *   <li>Time spent waiting for information does not count: each pause that begins while the clock is still running
 *       moves the deadline later by its length (as elapsed time). A pause still open counts up to the instant asked
 *       about, so the time left stands still while paused. Preservation periods and agreed due dates do not move.</li>
 *   <li>A clock stops when its milestone is met or the request reaches a terminal status: it is then evaluated at
 *       that moment, so its time left and thresholds freeze.</li>
 * </ul>
 */
public final class LegalClock {

    private final Instrument instrument;
    private final ZoneId zone;

    private LegalClock(Instrument instrument, ZoneId zone) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The clocks of {@code instrument} for a requested agency in {@code zone} (an IANA zone). */
    public static LegalClock of(Instrument instrument, ZoneId zone) {
        return new LegalClock(instrument, zone);
    }

    public Instrument instrument() {
        return instrument;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * When a preservation received at {@code receivedAt} lapses before any extension.
     *
     * @throws RequestRuleException coded {@code NOT_A_PRESERVATION} for other instruments
     */
    public Instant initialPreservationExpiry(Instant receivedAt) {
        return preservationPeriod().addTo(receivedAt, zone);
    }

    /**
     * The preservation expiry after extending {@code currentExpiry} by {@code extension}.
     *
     * @throws RequestRuleException coded {@code NOT_A_PRESERVATION} for other instruments,
     *                              {@code NOT_EXTENDABLE} if the instrument allows no extension and
     *                              {@code EXTENSION_TOO_LONG} if the extension exceeds the instrument's maximum
     */
    public Instant extendedPreservationExpiry(Instant currentExpiry, LegalPeriod extension) {
        PreservationRules rules = preservationRules();
        if (!rules.extendable()) {
            throw new RequestRuleException("NOT_EXTENDABLE", instrument.code() + " preservations cannot be extended");
        }
        if (!extension.isAtMost(rules.maxExtension())) {
            throw new RequestRuleException("EXTENSION_TOO_LONG", "an extension of " + extension + " exceeds the "
                    + rules.maxExtension() + " that " + instrument.code() + " allows");
        }
        return extension.addTo(currentExpiry, zone);
    }

    /** Every deadline of the request as it stands at {@code asOf}, in catalogue order; clocks not running are left out. */
    public List<Deadline> deadlines(ClockInput input, Instant asOf) {
        List<Deadline> deadlines = new ArrayList<>();
        for (Milestone milestone : instrument.milestones()) {
            deadline(milestone, input, asOf).ifPresent(deadlines::add);
        }
        return deadlines;
    }

    /** The thresholds each running clock has crossed by {@code asOf}. */
    public Map<Milestone, Set<DeadlineThreshold>> thresholdsCrossed(ClockInput input, Instant asOf) {
        Map<Milestone, Set<DeadlineThreshold>> crossed = new EnumMap<>(Milestone.class);
        for (Deadline deadline : deadlines(input, asOf)) {
            crossed.put(deadline.milestone(), deadline.thresholdsCrossed());
        }
        return crossed;
    }

    /**
     * The deadline of {@code milestone} as it stands at {@code asOf}; empty when the instrument has no such clock
     * for this request, or when the clock has not started (no decision yet, no due date agreed yet).
     */
    public Optional<Deadline> deadline(Milestone milestone, ClockInput input, Instant asOf) {
        Optional<ClockRule> found = instrument.ruleFor(milestone, input.urgency(), input.accessibility());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ClockRule rule = found.get();
        Instant start = rule.anchor() == ClockAnchor.DECISION ? input.decidedAt() : input.receivedAt();
        if (start == null) {
            return Optional.empty();
        }
        Instant metAt = input.metAt().get(milestone);
        Instant evaluatedAt = earliest(asOf, metAt, input.stoppedAt());

        if (milestone == Milestone.PRESERVE_UNTIL) {
            Instant expiry = input.preservationExpiry() != null
                    ? input.preservationExpiry()
                    : rule.period().addTo(start, zone);
            Instant lapsingAt = preservationRules().warningLead().subtractFrom(expiry, zone);
            return Optional.of(new Deadline(milestone, start, expiry, expiry, Duration.between(start, expiry),
                    Duration.ZERO, false, false, true, lapsingAt, evaluatedAt, metAt));
        }

        Instant nominal;
        Instant due;
        boolean paused = false;
        if (rule.agreedPerRequest()) {
            if (input.agreedDueDate() == null) {
                return Optional.empty();
            }
            // an agreed date is a date both sides chose; they agree a new one rather than have it move
            nominal = input.agreedDueDate();
            due = nominal;
        } else {
            nominal = rule.period().addTo(start, zone);
            due = nominal;
            List<PauseInterval> pauses = new ArrayList<>(input.pauses());
            pauses.sort(Comparator.comparing(PauseInterval::from));
            for (PauseInterval pause : pauses) {
                Instant pauseStart = latest(pause.from(), start);
                Instant pauseEnd = pause.to() == null ? evaluatedAt : earliest(pause.to(), evaluatedAt, null);
                if (!pauseEnd.isAfter(pauseStart) || !pauseStart.isBefore(due)) {
                    continue; // a pause outside the running clock (before it, after evaluation or after the deadline)
                }
                due = due.plus(Duration.between(pauseStart, pauseEnd));
                paused |= !pauseEnd.isBefore(evaluatedAt);
            }
        }
        Duration period = Duration.between(start, nominal);
        Duration remainingShare = period.multipliedBy(100 - instrument.approachingAtPercent()).dividedBy(100);
        return Optional.of(new Deadline(milestone, start, nominal, due, period, Duration.between(nominal, due), paused,
                rule.agreedPerRequest(), false, due.minus(remainingShare), evaluatedAt, metAt));
    }

    private LegalPeriod preservationPeriod() {
        preservationRules();
        return instrument.clockRules().stream()
                .filter(rule -> rule.milestone() == Milestone.PRESERVE_UNTIL && !rule.agreedPerRequest())
                .findFirst()
                .map(ClockRule::period)
                .orElseThrow();
    }

    private PreservationRules preservationRules() {
        return instrument.preservationRules().orElseThrow(() -> new RequestRuleException("NOT_A_PRESERVATION",
                instrument.code() + " is not a preservation instrument"));
    }

    private static Instant earliest(Instant first, Instant second, Instant third) {
        Instant earliest = first;
        if (second != null && second.isBefore(earliest)) {
            earliest = second;
        }
        if (third != null && third.isBefore(earliest)) {
            earliest = third;
        }
        return earliest;
    }

    private static Instant latest(Instant first, Instant second) {
        return first.isAfter(second) ? first : second;
    }
}
