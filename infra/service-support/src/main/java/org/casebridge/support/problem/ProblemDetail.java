package org.casebridge.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 9457 problem body ({@code application/problem+json}): what went wrong, in words a client can show, and
 * per-field errors a form can put next to the field.
 *
 * @param type     a URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title    a short summary of the kind of problem
 * @param status   the HTTP status code
 * @param detail   what went wrong this time
 * @param instance the request path
 * @param code     a stable machine-readable code, e.g. {@code MARKING_CEILING}
 * @param errors   per-field errors, empty when the problem is not about a field
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetail(String type, String title, int status, String detail, String instance, String code,
                            List<FieldError> errors) {

    /** Media type of problem bodies. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One field that was wrong.
     *
     * @param field   where the bad value is, as a path such as {@code items[2].address}
     * @param message what is wrong with it
     */
    @Serdeable
    public record FieldError(String field, String message) {
    }
}
