package org.casebridge.requests.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.casebridge.requests.domain.AgencySide.REQUESTED;
import static org.casebridge.requests.domain.AgencySide.REQUESTING;
import static org.casebridge.requests.domain.RequestStatus.*;
import static org.casebridge.requests.domain.RequestTransition.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lifecycle written out by hand from the specification, one line per legal move, independently of the
 * production table. Every other combination of status, transition and side must be refused.
 */
class RequestTransitionTest {

    private record Move(RequestStatus from, RequestTransition transition, AgencySide side) {
    }

    private static final Map<Move, RequestStatus> LEGAL = new HashMap<>();

    private static void legal(RequestStatus from, RequestTransition transition, AgencySide side, RequestStatus to) {
        LEGAL.put(new Move(from, transition, side), to);
    }

    static {
        legal(DRAFT, SUBMIT, REQUESTING, AWAITING_APPROVAL);
        legal(AWAITING_APPROVAL, APPROVE, REQUESTING, SENT);
        legal(AWAITING_APPROVAL, RETURN_TO_DRAFT, REQUESTING, DRAFT);
        legal(SENT, RECEIVE, REQUESTED, RECEIVED);
        legal(RECEIVED, ACCEPT, REQUESTED, ACCEPTED);
        legal(RECEIVED, REFUSE, REQUESTED, REFUSED);
        legal(RECEIVED, ASK_INFORMATION, REQUESTED, INFORMATION_NEEDED);
        legal(INFORMATION_NEEDED, PROVIDE_INFORMATION, REQUESTING, RECEIVED);
        legal(ACCEPTED, NOTE_PROGRESS, REQUESTED, IN_PROGRESS);
        legal(IN_PROGRESS, NOTE_PROGRESS, REQUESTED, IN_PROGRESS);
        legal(PARTIALLY_FULFILLED, NOTE_PROGRESS, REQUESTED, PARTIALLY_FULFILLED);
        legal(ACCEPTED, FULFIL_PARTIALLY, REQUESTED, PARTIALLY_FULFILLED);
        legal(IN_PROGRESS, FULFIL_PARTIALLY, REQUESTED, PARTIALLY_FULFILLED);
        legal(PARTIALLY_FULFILLED, FULFIL_PARTIALLY, REQUESTED, PARTIALLY_FULFILLED);
        legal(ACCEPTED, FULFIL, REQUESTED, FULFILLED);
        legal(IN_PROGRESS, FULFIL, REQUESTED, FULFILLED);
        legal(PARTIALLY_FULFILLED, FULFIL, REQUESTED, FULFILLED);
        legal(FULFILLED, CLOSE, REQUESTING, CLOSED);
        for (RequestStatus open : List.of(DRAFT, AWAITING_APPROVAL, SENT, RECEIVED, ACCEPTED, INFORMATION_NEEDED,
                IN_PROGRESS, PARTIALLY_FULFILLED)) {
            legal(open, WITHDRAW, REQUESTING, WITHDRAWN);
        }
        for (RequestStatus preserving : List.of(ACCEPTED, IN_PROGRESS, PARTIALLY_FULFILLED, FULFILLED)) {
            legal(preserving, EXTEND_PRESERVATION, REQUESTING, preserving);
        }
    }

    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (RequestStatus status : RequestStatus.values()) {
            for (RequestTransition transition : RequestTransition.values()) {
                for (AgencySide side : AgencySide.values()) {
                    all.add(Arguments.of(status, transition, side));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} --{1} by {2}")
    @MethodSource("everyCombination")
    void onlyTheSpecifiedMovesAreAllowed(RequestStatus from, RequestTransition transition, AgencySide side) {
        RequestStatus expected = LEGAL.get(new Move(from, transition, side));
        if (expected != null) {
            assertThat(transition.apply(from, side)).isEqualTo(expected);
            assertThat(transition.isAllowed(from, side)).isTrue();
        } else {
            assertThat(transition.isAllowed(from, side)).isFalse();
            assertThatThrownBy(() -> transition.apply(from, side))
                    .isInstanceOf(IllegalTransitionException.class)
                    .satisfies(e -> {
                        IllegalTransitionException refused = (IllegalTransitionException) e;
                        assertThat(refused.status()).isEqualTo(from);
                        assertThat(refused.transition()).isEqualTo(transition);
                        assertThat(refused.side()).isEqualTo(side);
                        assertThat(refused.code()).isEqualTo("ILLEGAL_TRANSITION");
                        assertThat(refused.getMessage()).contains(from.name(), transition.name(), side.name());
                    });
        }
    }

    @Test
    void theTableCoversEveryCombinationAndHasLegalMoves() {
        assertThat(everyCombination()).hasSize(
                RequestStatus.values().length * RequestTransition.values().length * AgencySide.values().length);
        assertThat(LEGAL).hasSize(30);
    }

    @Test
    void terminalStatusesHaveNoWayOut() {
        for (RequestStatus terminal : List.of(REFUSED, CLOSED, WITHDRAWN)) {
            assertThat(terminal.isTerminal()).isTrue();
            for (RequestTransition transition : RequestTransition.values()) {
                for (AgencySide side : AgencySide.values()) {
                    assertThat(transition.isAllowed(terminal, side)).as("%s %s %s", terminal, transition, side)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void eachTransitionBelongsToOneSide() {
        assertThat(SUBMIT.side()).isEqualTo(REQUESTING);
        assertThat(APPROVE.side()).isEqualTo(REQUESTING);
        assertThat(WITHDRAW.side()).isEqualTo(REQUESTING);
        assertThat(PROVIDE_INFORMATION.side()).isEqualTo(REQUESTING);
        assertThat(RECEIVE.side()).isEqualTo(REQUESTED);
        assertThat(REFUSE.side()).isEqualTo(REQUESTED);
        assertThat(FULFIL.side()).isEqualTo(REQUESTED);
    }
}
