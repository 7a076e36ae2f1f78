package org.casebridge.console.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.casebridge.support.problem.ProblemDetail;
import org.casebridge.support.problem.ProblemException;

/** Helpers for console forms: redirects after a post, and refusals shown next to the fields they concern. */
public final class ConsoleForms {

    private ConsoleForms() {
    }

    /** A fresh, mutable page model. */
    public static Map<String, Object> model(Object... keysAndValues) {
        Map<String, Object> model = new HashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            model.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return model;
    }

    /** After a successful post: see the result at {@code location} (POST-redirect-GET). */
    public static MutableHttpResponse<?> seeOther(String location) {
        return HttpResponse.seeOther(URI.create(location));
    }

    /**
     * The form again, with the service's refusal: {@code errors} maps each field named in the problem to its message
     * (the form shows it next to the field), {@code problem} holds the overall message.
     */
    public static MutableHttpResponse<?> refused(String view, Map<String, Object> model, ProblemException problem) {
        return refused(view, model, problem, null);
    }

    /**
     * Like {@link #refused(String, Map, ProblemException)}; a problem that names no field is shown next to
     * {@code concernedField} (the one field of a small form, such as the partner of a share).
     */
    public static MutableHttpResponse<?> refused(String view, Map<String, Object> model, ProblemException problem,
                                                 String concernedField) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ProblemDetail.FieldError error : problem.fieldErrors()) {
            errors.merge(topField(error.field()), error.message(), (a, b) -> a + "; " + b);
        }
        if (errors.isEmpty() && concernedField != null) {
            errors.put(concernedField, problem.getMessage());
        }
        model.put("errors", errors);
        model.put("problem", problem.getMessage());
        model.put("problemCode", problem.code());
        HttpStatus status = problem.status().getCode() >= 500 ? HttpStatus.UNPROCESSABLE_ENTITY : problem.status();
        return HttpResponse.status(status).body(new ModelAndView<>(view, model));
    }

    /** An error page: not found, forbidden, conflict, in plain words. */
    public static MutableHttpResponse<?> errorPage(ProblemException problem) {
        return HttpResponse.status(problem.status()).body(new ModelAndView<>("error",
                model("status", problem.status().getCode(), "problem", problem.getMessage())));
    }

    /** {@code items[2].address} belongs to the form field {@code items}; {@code title} to {@code title}. */
    static String topField(String field) {
        if (field == null) {
            return "";
        }
        int cut = field.length();
        for (char stop : new char[] {'.', '['}) {
            int at = field.indexOf(stop);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return field.substring(0, cut);
    }

    /** True if {@code path} is a path on this node (not {@code //host} or a full URL), safe to redirect to. */
    public static boolean isLocalPath(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")
                && path.length() < 500;
    }
}
