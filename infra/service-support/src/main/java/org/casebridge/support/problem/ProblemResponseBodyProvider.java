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
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
        List<ProblemDetail.FieldError> fieldErrors = fieldErrors(context);
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

    private static List<ProblemDetail.FieldError> fieldErrors(ErrorContext context) {
        if (context.getRootCause().orElse(null) instanceof ConstraintViolationException violations) {
            return violations.getConstraintViolations().stream()
                    .map(violation -> new ProblemDetail.FieldError(fieldName(violation.getPropertyPath()),
                            violation.getMessage()))
                    .sorted(Comparator.comparing(ProblemDetail.FieldError::field))
                    .toList();
        }
        return context.getErrors().stream()
                .filter(error -> error.getPath().isPresent())
                .map(error -> new ProblemDetail.FieldError(error.getPath().get(), error.getMessage()))
                .toList();
    }

    /**
     * Validation paths name the method and its parameter ({@code create.body.title}); a client wants the field it
     * sent ({@code title}), or the query parameter ({@code size}) when the parameter itself was wrong.
     */
    static String fieldName(Path path) {
        List<String> properties = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                String name = node.getName() == null || node.getName().startsWith("<") ? "" : node.getName();
                String index = node.getIndex() != null ? "[" + node.getIndex() + "]"
                        : node.getKey() != null ? "[" + node.getKey() + "]" : "";
                if (!name.isEmpty() || !index.isEmpty()) {
                    properties.add(name + index);
                }
            }
        }
        if (!properties.isEmpty()) {
            return String.join(".", properties).replace(".[", "[");
        }
        return parameter != null ? parameter : path.toString();
    }
}
