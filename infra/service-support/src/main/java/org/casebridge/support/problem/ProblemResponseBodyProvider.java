package org.casebridge.support.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import java.util.List;

/**
 * Turns every error the framework answers (validation, unreadable JSON, unknown route, wrong method, missing
 * authentication) into an RFC 9457 problem body instead of Micronaut's default error JSON.
 *
 * <p>Server errors never carry the exception's message: it may hold internals that are no business of the client.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ProblemResponseBodyProvider implements JsonErrorResponseBodyProvider<ProblemDetail> {

    @Override
    public ProblemDetail body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        List<ProblemDetail.FieldError> fieldErrors = context.getErrors().stream()
                .filter(error -> error.getPath().isPresent())
                .map(error -> new ProblemDetail.FieldError(fieldName(error.getPath().get()), error.getMessage()))
                .toList();
        String detail;
        if (status.getCode() >= 500) {
            detail = "The node could not complete the request. The error has been logged.";
        } else if (!fieldErrors.isEmpty()) {
            detail = fieldErrors.stream().map(e -> e.field() + ": " + e.message())
                    .reduce((a, b) -> a + "; " + b).orElse(status.getReason());
        } else {
            detail = context.getErrors().stream().map(Error::getMessage).findFirst().orElse(status.getReason());
        }
        return new ProblemDetail("about:blank", status.getReason(), status.getCode(), detail,
                context.getRequest().getPath(), codeFor(status, context), fieldErrors);
    }

    @Override
    public String contentType() {
        return ProblemDetail.MEDIA_TYPE;
    }

    private static String codeFor(HttpStatus status, ErrorContext context) {
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof ConstraintViolationException) {
            return "VALIDATION_FAILED";
        }
        if (cause instanceof ConversionErrorException) {
            return "MALFORMED_REQUEST";
        }
        return switch (status) {
            case BAD_REQUEST -> "MALFORMED_REQUEST";
            case UNAUTHORIZED -> "UNAUTHENTICATED";
            case FORBIDDEN -> "FORBIDDEN";
            case NOT_FOUND -> "NOT_FOUND";
            case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
            case UNSUPPORTED_MEDIA_TYPE -> "UNSUPPORTED_MEDIA_TYPE";
            case NOT_ACCEPTABLE -> "NOT_ACCEPTABLE";
            case REQUEST_ENTITY_TOO_LARGE -> "TOO_LARGE";
            default -> status.getCode() >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }

    /** Validation paths read like {@code create.request.title}; clients want {@code title}. */
    private static String fieldName(String path) {
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
    }
}
