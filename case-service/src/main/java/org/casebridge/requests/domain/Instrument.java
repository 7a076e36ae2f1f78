package org.casebridge.requests.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A legal instrument a request can be based on, with its clocks. Instruments are data from the federation's
 * catalogue, not code.
 *
 * @param code                 stable code, e.g. {@code EU_EPOC}
 * @param name                 human name
 * @param legalBasis           the legal text the instrument rests on
 * @param kind                 what it lets the requester obtain
 * @param clockRules           its clocks, in order of precedence (see {@link ClockRule})
 * @param approachingAtPercent share of a clock's period after which its deadline is approaching (1–99)
 * @param preservation         extension and warning rules; present exactly for preservation instruments
 */
public record Instrument(String code, String name, String legalBasis, InstrumentKind kind, List<ClockRule> clockRules,
                        int approachingAtPercent, PreservationRules preservation) {

    public Instrument {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(legalBasis, "legalBasis");
        Objects.requireNonNull(kind, "kind");
        clockRules = List.copyOf(clockRules);
        if (approachingAtPercent < 1 || approachingAtPercent > 99) {
            throw new IllegalArgumentException(code + ": approachingAtPercent must be between 1 and 99");
        }
        if ((kind == InstrumentKind.PRESERVATION) != (preservation != null)) {
            throw new IllegalArgumentException(code + ": preservation rules belong to preservation instruments only");
        }
        if (kind == InstrumentKind.PRESERVATION && clockRules.stream()
                .noneMatch(rule -> rule.milestone() == Milestone.PRESERVE_UNTIL && !rule.agreedPerRequest())) {
            throw new IllegalArgumentException(code + ": a preservation instrument needs a PRESERVE_UNTIL period");
        }
    }

    /** The milestones this instrument tracks, in catalogue order, each once. */
    public List<Milestone> milestones() {
        List<Milestone> milestones = new ArrayList<>();
        for (ClockRule rule : clockRules) {
            if (!milestones.contains(rule.milestone())) {
                milestones.add(rule.milestone());
            }
        }
        return milestones;
    }

    /** The rule that sets the clock for {@code milestone} on a request of that urgency and accessibility. */
    public Optional<ClockRule> ruleFor(Milestone milestone, Urgency urgency, DataAccessibility accessibility) {
        return clockRules.stream()
                .filter(rule -> rule.milestone() == milestone && rule.appliesTo(urgency, accessibility))
                .findFirst();
    }

    /** True when some clock depends on whether the data is directly accessible, so a request must say which. */
    public boolean needsAccessibility() {
        return clockRules.stream().anyMatch(rule -> !rule.accessibilities().isEmpty());
    }

    /** True when some clock has no legal limit and the agencies agree a due date. */
    public boolean hasAgreedDueDate() {
        return clockRules.stream().anyMatch(ClockRule::agreedPerRequest);
    }

    public Optional<PreservationRules> preservationRules() {
        return Optional.ofNullable(preservation);
    }
}
