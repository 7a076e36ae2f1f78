package org.casebridge.exports.web;

import io.micronaut.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.casebridge.exports.app.FilterParser;
import org.casebridge.support.problem.ProblemDetail;

/** Query parameters as single values, for {@link FilterParser}. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** Each parameter's value, without the names in {@code own}; a parameter given twice is refused. */
    public static Map<String, String> of(HttpRequest<?> request, Set<String> own) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, java.util.List<String>> entry : request.getParameters().asMap().entrySet()) {
            if (own.contains(entry.getKey())) {
                continue;
            }
            if (entry.getValue().size() > 1) {
                throw FilterParser.invalid(java.util.List.of(new ProblemDetail.FieldError(entry.getKey(),
                        "must be given once")));
            }
            values.put(entry.getKey(), entry.getValue().isEmpty() ? "" : entry.getValue().get(0));
        }
        return values;
    }
}
