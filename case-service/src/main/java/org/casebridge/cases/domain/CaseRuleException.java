package org.casebridge.cases.domain;

/**
 * A change the case rules do not allow. The code is stable (clients and receipts use it); the message explains.
 */
public class CaseRuleException extends RuntimeException {

    private final String code;

    public CaseRuleException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
