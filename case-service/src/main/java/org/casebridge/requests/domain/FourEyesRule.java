package org.casebridge.requests.domain;

/** A request leaves the agency only when a second officer approves it: nobody approves their own draft. */
public final class FourEyesRule {

    /** The code of a refused self-approval. */
    public static final String CODE = "SELF_APPROVAL";

    private FourEyesRule() {
    }

    /**
     * @throws RequestRuleException coded {@value #CODE} when {@code approver} is the author
     */
    public static void check(String author, String approver) {
        if (author.equalsIgnoreCase(approver)) {
            throw new RequestRuleException(CODE, approver + " wrote this request and cannot approve it too");
        }
    }
}
