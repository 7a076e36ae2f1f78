package org.casebridge.requests.domain;

/**
 * A change the evidence request rules do not allow. The code is stable (clients and refused receipts use it); the
 * message explains it to a person.
 */
public class RequestRuleException extends RuntimeException {

    private final String code;

    public RequestRuleException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
