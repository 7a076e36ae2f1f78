package org.casebridge.console.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Reads the console's session cookie as an access token. The API keeps taking bearer tokens: a request with an
 * {@code Authorization} header is read by the bearer reader first (this reader's order is later). A request that
 * relies on the cookie to change anything must carry a CSRF token ({@link CsrfFilter}).
 */
@Singleton
public class SessionCookieTokenReader implements TokenReader<HttpRequest<?>> {

    /** After the bearer token reader (order 0). */
    static final int ORDER = 100;

    private final ConsoleSession session;

    public SessionCookieTokenReader(ConsoleSession session) {
        this.session = session;
    }

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        return session.sessionToken(request);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
