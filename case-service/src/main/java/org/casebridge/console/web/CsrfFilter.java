package org.casebridge.console.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import org.casebridge.support.problem.ProblemDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a state-changing request that a browser could have been tricked into sending: one that relies on a
 * console cookie (no {@code Authorization} header) and does not carry the CSRF token bound to that cookie, in the
 * {@code _csrf} form field or the {@code X-CSRF-Token} header. A form post without any console cookie is refused
 * too, which covers the sign-in form. API clients with a bearer token are not affected.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class CsrfFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(CsrfFilter.class);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);
    /** A form body larger than this is not searched for the token (console forms are far smaller). */
    private static final int MAX_FORM_BYTES = 1 << 20;

    private final ConsoleSession session;

    public CsrfFilter(ConsoleSession session) {
        this.session = session;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (SAFE.contains(request.getMethod()) || request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            return chain.proceed(request);
        }
        boolean form = request.getContentType().map(CsrfFilter::isForm).orElse(false);
        Optional<String> binding = session.binding(request);
        if (binding.isEmpty()) {
            // No cookie, no ambient authority, unless it is a form: forms are only posted from console pages.
            return form ? Mono.just(refuse(request, "no console session")) : chain.proceed(request);
        }
        String header = request.getHeaders().get(ConsoleSession.CSRF_HEADER);
        if (header != null) {
            return session.verify(binding.get(), header) ? chain.proceed(request)
                    : Mono.just(refuse(request, "wrong CSRF header"));
        }
        if (!form || !(request instanceof ServerHttpRequest<?> server)) {
            return Mono.just(refuse(request, "no CSRF token"));
        }
        if (request.getContentLength() > MAX_FORM_BYTES) {
            return Mono.just(refuse(request, "form too large to check"));
        }
        return Mono.fromFuture(server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST).buffer())
                .flatMap(copy -> {
                    String submitted;
                    try (CloseableAvailableByteBody body = copy) {
                        submitted = formField(body.toString(StandardCharsets.UTF_8), ConsoleSession.CSRF_FIELD);
                    }
                    return session.verify(binding.get(), submitted) ? Mono.from(chain.proceed(request))
                            : Mono.just(refuse(request, "wrong CSRF token"));
                });
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    private static boolean isForm(MediaType type) {
        return type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || type.matches(MediaType.MULTIPART_FORM_DATA_TYPE);
    }

    static @Nullable String formField(String body, String name) {
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static MutableHttpResponse<?> refuse(HttpRequest<?> request, String why) {
        LOG.info("Refused {} {}: {}", request.getMethod(), request.getPath(), why);
        if (request.getHeaders().accept().stream().anyMatch(type -> type.matches(MediaType.TEXT_HTML_TYPE))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML_TYPE)
                    .body(ConsolePages.expiredForm());
        }
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(ProblemDetail.MEDIA_TYPE)
                .body(new ProblemDetail("about:blank", "Forbidden", 403,
                        "the request needs the console's CSRF token (" + why + ")", request.getPath(), "CSRF_REFUSED",
                        List.of()));
    }
}
