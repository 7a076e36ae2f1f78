package org.casebridge.requests.domain;

/**
 * A transition that the lifecycle does not allow from the request's status, or not for the side attempting it.
 * The API answers it with 409; a node answers a message with a refused receipt coded {@value #CODE}.
 */
public class IllegalTransitionException extends RequestRuleException {

    /** The code of every illegal transition. */
    public static final String CODE = "ILLEGAL_TRANSITION";

    private final RequestStatus status;
    private final RequestTransition transition;
    private final AgencySide side;

    public IllegalTransitionException(RequestStatus status, RequestTransition transition, AgencySide side) {
        super(CODE, "a request in status " + status + " cannot take transition " + transition + " by the "
                + side + " agency");
        this.status = status;
        this.transition = transition;
        this.side = side;
    }

    public RequestStatus status() {
        return status;
    }

    public RequestTransition transition() {
        return transition;
    }

    public AgencySide side() {
        return side;
    }
}
