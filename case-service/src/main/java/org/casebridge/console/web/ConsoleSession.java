package org.casebridge.console.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.casebridge.security.domain.UserAccount;
import org.casebridge.security.token.AuthenticationOfUser;
import org.casebridge.support.agency.AgencyConfiguration;

/**
 * The console's session: a signed access token (the same JWT the API accepts as a bearer token) in an HttpOnly,
 * SameSite=Strict cookie, Secure when the request came over TLS. Nothing about the session ever appears in a URL.
 *
 * <p>Forms carry a CSRF token derived from the cookie with a key only this process knows (HMAC-SHA256), so a token
 * is bound to one session and useless after sign-out. Before sign-in a random pre-session cookie plays that part,
 * which protects the sign-in form itself.
 */
@Singleton
public class ConsoleSession {

    /** The cookie holding the session's token, followed by the agency code. */
    public static final String SESSION_COOKIE_PREFIX = "casebridge_session_";
    /** A random value before sign-in, only to bind the sign-in form's CSRF token; followed by the agency code. */
    public static final String PRESESSION_COOKIE_PREFIX = "casebridge_presession_";
    /** The form field carrying the CSRF token. */
    public static final String CSRF_FIELD = "_csrf";
    /** The header carrying the CSRF token (scripts, JSON requests). */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    /** Claim holding the console session's random id. */
    public static final String SESSION_ID_CLAIM = "sid";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenGenerator tokens;
    private final ConsoleConfiguration configuration;
    private final byte[] csrfKey = new byte[32];
    private final String sessionCookie;
    private final String presessionCookie;

    public ConsoleSession(TokenGenerator tokens, ConsoleConfiguration configuration, AgencyConfiguration agency) {
        this.tokens = tokens;
        this.configuration = configuration;
        // Cookies do not tell ports apart: nodes on one host (the local federation) need names of their own.
        this.sessionCookie = SESSION_COOKIE_PREFIX + agency.getCode();
        this.presessionCookie = PRESESSION_COOKIE_PREFIX + agency.getCode();
        RANDOM.nextBytes(csrfKey);
    }

    /** The name of this node's session cookie. */
    public String sessionCookieName() {
        return sessionCookie;
    }

    /** The session cookie's value, if the request has one. */
    public Optional<String> sessionToken(HttpRequest<?> request) {
        return cookieValue(request, sessionCookie);
    }

    /** The pre-session cookie's value, if the request has one. */
    public Optional<String> presession(HttpRequest<?> request) {
        return cookieValue(request, presessionCookie);
    }

    /** The session cookie for a user who just signed in. */
    public Cookie open(UserAccount user, HttpRequest<?> request) {
        int seconds = (int) configuration.getSessionLifetime().toSeconds();
        byte[] sessionId = new byte[16];
        RANDOM.nextBytes(sessionId);
        Map<String, Object> attributes = new HashMap<>(AuthenticationOfUser.attributes(user));
        // A random session id: two sign-ins of one user in the same second still get different tokens (and CSRF tokens).
        attributes.put(SESSION_ID_CLAIM, Base64.getUrlEncoder().withoutPadding().encodeToString(sessionId));
        Authentication authentication = Authentication.build(user.username(), AuthenticationOfUser.roles(user),
                attributes);
        String token = tokens.generateToken(authentication, seconds)
                .orElseThrow(() -> new IllegalStateException("the node could not sign a session token"));
        return cookie(sessionCookie, token, request).maxAge(seconds);
    }

    /** A cookie that removes the session. */
    public Cookie close(HttpRequest<?> request) {
        return cookie(sessionCookie, "", request).maxAge(0);
    }

    /** A new pre-session cookie, for a sign-in form shown to a browser that has none. */
    public Cookie newPresession(HttpRequest<?> request) {
        byte[] value = new byte[24];
        RANDOM.nextBytes(value);
        return cookie(presessionCookie, Base64.getUrlEncoder().withoutPadding().encodeToString(value), request)
                .maxAge(60 * 60);
    }

    public Cookie closePresession(HttpRequest<?> request) {
        return cookie(presessionCookie, "", request).maxAge(0);
    }

    /** The value that binds CSRF tokens of this request: the session cookie, else the pre-session cookie. */
    public Optional<String> binding(HttpRequest<?> request) {
        return sessionToken(request).or(() -> presession(request));
    }

    /** The CSRF token for forms of this request, if it has a session or pre-session. */
    public Optional<String> csrfToken(HttpRequest<?> request) {
        return binding(request).map(this::csrfTokenFor);
    }

    /** The CSRF token bound to a session or pre-session cookie value. */
    public String csrfTokenFor(String binding) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(csrfKey, "HmacSHA256"));
            byte[] digest = mac.doFinal(("csrf:" + binding).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** True if {@code submitted} is the CSRF token of this binding (compared in constant time). */
    public boolean verify(String binding, String submitted) {
        if (submitted == null || submitted.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(csrfTokenFor(binding).getBytes(StandardCharsets.US_ASCII),
                submitted.getBytes(StandardCharsets.US_ASCII));
    }

    static Optional<String> cookieValue(HttpRequest<?> request, String name) {
        return request.getCookies().findCookie(name).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    private static Cookie cookie(String name, String value, HttpRequest<?> request) {
        return Cookie.of(name, value).path("/").httpOnly(true).sameSite(SameSite.Strict).secure(request.isSecure());
    }
}
