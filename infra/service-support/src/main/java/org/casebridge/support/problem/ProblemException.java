package org.casebridge.support.problem;

import io.micronaut.http.HttpStatus;
import java.util.List;

/**
 * An error a request caused and the client can fix, answered as a problem body with its status.
 *
 * <p>Services throw it (or map their domain errors to it) so every endpoint answers bad input the same way.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<ProblemDetail.FieldError> fieldErrors;

    public ProblemException(HttpStatus status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public ProblemException(HttpStatus status, String code, String detail, List<ProblemDetail.FieldError> fieldErrors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " was not found");
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, code, detail);
    }

    public static ProblemException unprocessable(String code, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, code, detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "VALIDATION_FAILED", field + ": " + message,
                List.of(new ProblemDetail.FieldError(field, message)));
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<ProblemDetail.FieldError> fieldErrors() {
        return fieldErrors;
    }
}
