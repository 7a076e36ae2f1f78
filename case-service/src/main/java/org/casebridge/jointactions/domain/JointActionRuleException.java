package org.casebridge.jointactions.domain;

/**
 * A step the joint action rules do not allow. The code is stable (clients and receipts use it); the message explains.
 *
 * <p>Codes: {@code ILLEGAL_TRANSITION} (the step does not fit the status), {@code NOT_A_PARTICIPANT},
 * {@code NOT_COORDINATOR}, {@code NOT_ACCEPTED}, {@code NOT_READY} (GO while a required participant is not ready),
 * {@code REASON_REQUIRED}, {@code INVALID} (the content breaks a rule).
 */
public class JointActionRuleException extends RuntimeException {

    private final String code;
    private final String field;

    public JointActionRuleException(String code, String message) {
        this(code, null, message);
    }

    public JointActionRuleException(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    /** The input field at fault, or null when the step as a whole is refused. */
    public String field() {
        return field;
    }

    /** True when the content is wrong (422) rather than the step out of turn (409). */
    public boolean isInvalidInput() {
        return "REASON_REQUIRED".equals(code) || "INVALID".equals(code);
    }
}
