package org.casebridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.casebridge.security.TestTokens;
import org.casebridge.security.domain.Role;
import org.casebridge.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The console's security measures at the HTTP level, on a real node: the session cookie's attributes, CSRF on every
 * state-changing request that relies on the cookie, security headers, redirects for browsers and 401 for API
 * clients, and the API's bearer tokens working as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSecurityIT {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private TestNode node;
    private String base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void start() {
        node = TestNode.start("DE-BKA");
        node.bean(TestTokens.class).user("anna", Role.LIAISON);
        base = node.url().toString();
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aBrowserWithoutSessionIsSentToSignInWhileAnApiClientGets401() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/cases"))
                .header("Accept", "text/html").GET().build());
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in"));

        HttpResponse<String> api = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases"))
                .header("Accept", "application/json").GET().build());
        assertThat(api.statusCode()).isEqualTo(401);
    }

    @Test
    void signingInSetsAStrictHttpOnlySessionCookieAndPutsNoTokenInTheUrl() throws Exception {
        Session session = signIn();
        assertThat(session.setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/");
        assertThat(session.location).isEqualTo("/");
        assertThat(session.cookie).startsWith("casebridge_session_DE-BKA=");

        HttpResponse<String> dashboard = send(HttpRequest.newBuilder(URI.create(base + "/"))
                .header("Accept", "text/html").header("Cookie", session.cookie).GET().build());
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Test anna").doesNotContain(session.cookie.substring(session.cookie.indexOf('=') + 1));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                .header("Accept", "text/html").GET().build());
        assertThat(page.statusCode()).as(page.headers().map() + " " + page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval"));
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.body()).contains("lang=\"en\"").doesNotContain("<script>").doesNotContain(" style=\"");
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        Session session = signIn();
        String form = "title=Forged&summary=x&crimeCategories=ILLEGAL_ACCESS&handlingMarking=GREEN";
        HttpResponse<String> withoutToken = postForm("/cases", session.cookie, form);
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        HttpResponse<String> wrongToken = postForm("/cases", session.cookie, form + "&_csrf=" + "A".repeat(43));
        assertThat(wrongToken.statusCode()).isEqualTo(403);

        // Another session's token does not fit this session.
        Session other = signIn();
        HttpResponse<String> otherToken = postForm("/cases", session.cookie, form + "&_csrf=" + other.csrf);
        assertThat(otherToken.statusCode()).isEqualTo(403);

        String bearer = node.token("anna", Role.LIAISON);
        HttpResponse<String> cases = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases?q=Forged"))
                .header("Authorization", "Bearer " + bearer).GET().build());
        assertThat(cases.body()).contains("\"total\":0");

        HttpResponse<String> withToken = postForm("/cases", session.cookie, form + "&_csrf=" + session.csrf);
        assertThat(withToken.statusCode()).isEqualTo(303);
        assertThat(withToken.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/cases/"));
    }

    @Test
    void theJsonApiWithTheCookieNeedsTheCsrfHeaderButWithABearerTokenDoesNot() throws Exception {
        Session session = signIn();
        String body = "{\"title\":\"Cookie case\",\"summary\":\"s\",\"crimeCategories\":[\"ILLEGAL_ACCESS\"],"
                + "\"handlingMarking\":\"GREEN\"}";
        HttpResponse<String> cookieOnly = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases"))
                .header("Content-Type", "application/json").header("Cookie", session.cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(cookieOnly.statusCode()).isEqualTo(403);
        assertThat(cookieOnly.body()).contains("CSRF_REFUSED");

        HttpResponse<String> cookieAndHeader = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases"))
                .header("Content-Type", "application/json").header("Cookie", session.cookie)
                .header("X-CSRF-Token", session.csrf).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(cookieAndHeader.statusCode()).isEqualTo(201);

        HttpResponse<String> bearer = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + node.token("anna", Role.LIAISON))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(bearer.statusCode()).isEqualTo(201);
    }

    @Test
    void signingOutClearsTheCookieAndTheOldFormTokenNoLongerWorks() throws Exception {
        Session session = signIn();
        HttpResponse<String> out = postForm("/sign-out", session.cookie, "_csrf=" + session.csrf);
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("casebridge_session_DE-BKA=").containsIgnoringCase("Max-Age=0"));
        HttpResponse<String> signInAgainPage = send(HttpRequest.newBuilder(URI.create(base + "/cases"))
                .header("Accept", "text/html").GET().build());
        assertThat(signInAgainPage.statusCode()).isEqualTo(303);
    }

    @Test
    void anAnalystIsSentToTheForbiddenPageForCases() throws Exception {
        node.bean(TestTokens.class).user("ada", Role.ANALYST);
        Session session = signIn("ada");
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/cases"))
                .header("Accept", "text/html").header("Cookie", session.cookie).GET().build());
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/forbidden"));
    }

    private Session signIn() throws IOException, InterruptedException {
        return signIn("anna");
    }

    private Session signIn(String username) throws IOException, InterruptedException {
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                .header("Accept", "text/html").GET().build());
        String presession = cookies(form).get(0);
        String csrf = csrf(form.body());
        HttpResponse<String> signedIn = postForm("/sign-in", presession, "username=" + username + "&password="
                + URLEncoder.encode(TestTokens.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        String setCookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("casebridge_session_")).findFirst().orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/"))
                .header("Accept", "text/html").header("Cookie", cookie).GET().build());
        return new Session(cookie, setCookie, csrf(page.body()),
                signedIn.headers().firstValue("Location").orElse(""));
    }

    private HttpResponse<String> postForm(String path, String cookie, String body)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> cookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';')))
                .collect(Collectors.toList());
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF_FIELD.matcher(html);
        assertThat(matcher.find()).as("a CSRF field in the page").isTrue();
        return matcher.group(1);
    }

    private record Session(String cookie, String setCookie, String csrf, String location) {
    }
}
