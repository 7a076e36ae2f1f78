package org.casebridge.audit.web;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.UUID;
import org.casebridge.audit.app.CurrentActor;
import org.casebridge.audit.domain.AuditActor;
import org.reactivestreams.Publisher;

/**
 * Gives every request an id, so a user's report, the node's logs and the audit log can be matched up: the
 * {@value #HEADER} header if the client (or a gateway in front) sent a sane one, else a new UUID. The id is echoed in
 * the response, errors and refusals included.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class RequestIdFilter implements HttpServerFilter {

    /** Request and response header carrying the request id. */
    public static final String HEADER = "X-Request-Id";

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String requestId = request.getHeaders().get(HEADER);
        if (requestId == null || !AuditActor.REQUEST_ID.matcher(requestId).matches()) {
            // A missing or odd header is replaced, not refused: the id is for tracing, not worth failing a request.
            requestId = UUID.randomUUID().toString();
        }
        request.setAttribute(CurrentActor.REQUEST_ID_ATTRIBUTE, requestId);
        String echoed = requestId;
        return Publishers.map(chain.proceed(request), response -> response.header(HEADER, echoed));
    }

    /** Before security, so that a refused request carries its id too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
