package org.casebridge.security.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.casebridge.security.SecurityTestNode;
import org.casebridge.security.TestTokens;
import org.casebridge.security.domain.Role;
import org.casebridge.security.token.RsaKeys;
import org.casebridge.support.problem.ProblemDetail;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tokens the node must refuse. Each case differs from {@link #aTokenMintedLikeTheNodeDoesIsAccepted a token the node
 * accepts} in one respect only, so a refusal is due to that respect.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForgedTokenIT implements TestPropertyProvider {

    private static final String USER = "target";

    @Inject
    @Client("/")
    HttpClient httpClient;

    @Inject
    TestTokens tokens;

    @Inject
    JsonMapper json;

    @Inject
    Router router;

    private BlockingHttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return SecurityTestNode.properties("security_forged");
    }

    @BeforeAll
    void setUp() {
        client = httpClient.toBlocking();
        tokens.user(USER, Role.ADMIN);
    }

    @Test
    void aTokenMintedLikeTheNodeDoesIsAccepted() throws Exception {
        String token = sign(validClaims().build(), SecurityTestNode.NODE_KEY.getPrivate());

        HttpResponse<String> response = client.exchange(HttpRequest.GET("/api/v1/users").bearerAuth(token), String.class);

        assertThat(response.getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(response.body()).contains("\"username\":\"" + USER + "\"");
    }

    @Test
    void noTokenIs401WithAProblemBody() {
        HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/v1/node")));

        assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        ProblemDetail problem = SecurityTestNode.problem(refused, json);
        assertThat(problem.status()).isEqualTo(401);
        assertThat(problem.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void everyApiRouteRefusesAnonymousRequests() {
        var apiRoutes = router.uriRoutes()
                .filter(route -> route.getUriMatchTemplate().toString().startsWith("/api/"))
                .toList();
        assertThat(apiRoutes).as("API routes").isNotEmpty();

        for (UriRouteInfo<?, ?> route : apiRoutes) {
            // Path variables get a harmless value; the request must be refused before it reaches the controller.
            String template = route.getUriMatchTemplate().toString();
            String uri = template.replaceAll("\\{\\?[^}]*}", "").replaceAll("\\{[^}]*}", "x");
            MutableHttpRequest<Object> request = HttpRequest.create(route.getHttpMethod(), uri);
            if (route.getHttpMethod().permitsRequestBody()) {
                request.body(Map.of());
            }
            HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class,
                    () -> client.exchange(request, String.class));
            assertThat(refused).as(route.getHttpMethod() + " " + uri + " without a token").isNotNull();
            assertThat(refused.getStatus().getCode()).as(route.getHttpMethod() + " " + uri + " without a token")
                    .isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        }
    }

    @Test
    void unsignedTokenIsRefused() {
        String token = new PlainJWT(validClaims().build()).serialize();

        assertRefused(token);
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        String token = sign(validClaims().issueTime(Date.from(past.minus(Duration.ofMinutes(15))))
                .notBeforeTime(Date.from(past.minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(past)).build(), SecurityTestNode.NODE_KEY.getPrivate());

        assertRefused(token);
    }

    @Test
    void tokenSignedByAnotherRsaKeyIsRefused() throws Exception {
        String token = sign(validClaims().build(), RsaKeys.generate().getPrivate());

        assertRefused(token);
    }

    @Test
    void tokenSignedWithAnHmacOfThePublicKeyIsRefused() throws Exception {
        // The classic algorithm confusion attack: HS256 keyed with the (public) RSA key bytes.
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), validClaims().build());
        jwt.sign(new MACSigner(SecurityTestNode.NODE_KEY.getPublic().getEncoded()));

        assertRefused(jwt.serialize());
    }

    @Test
    void tamperedPayloadWithTheOriginalSignatureIsRefused() throws Exception {
        String genuine = tokens.bearer("tampered-liaison", Role.LIAISON);
        String[] parts = genuine.split("\\.");
        Map<String, Object> claims = SignedJWT.parse(genuine).getJWTClaimsSet().toJSONObject();
        claims.put("roles", List.of("LIAISON", "ADMIN"));
        String forgedPayload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JWTClaimsSet.parse(claims).toString().getBytes(StandardCharsets.UTF_8));

        assertThat(client.exchange(HttpRequest.GET("/api/v1/node").bearerAuth(genuine)).getStatus().getCode())
                .isEqualTo(HttpStatus.OK.getCode());
        assertRefused(parts[0] + "." + forgedPayload + "." + parts[2]);
    }

    @Test
    void tokenOfAnotherAgencysNodeIsRefusedEvenWithATrustedSignature() throws Exception {
        String otherNode = sign(validClaims().claim("agency", "NL-NHTC").issuer("casebridge:NL-NHTC").build(),
                SecurityTestNode.NODE_KEY.getPrivate());
        String otherAgencyOnly = sign(validClaims().claim("agency", "NL-NHTC").build(),
                SecurityTestNode.NODE_KEY.getPrivate());
        String otherIssuerOnly = sign(validClaims().issuer("casebridge:NL-NHTC").build(),
                SecurityTestNode.NODE_KEY.getPrivate());
        String noAgency = sign(new JWTClaimsSet.Builder(validClaims().build()).claim("agency", null).build(),
                SecurityTestNode.NODE_KEY.getPrivate());

        assertRefused(otherNode);
        assertRefused(otherAgencyOnly);
        assertRefused(otherIssuerOnly);
        assertRefused(noAgency);
    }

    private void assertRefused(String token) {
        HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/v1/users").bearerAuth(token)));

        assertThat(refused).as("request with a forged token must fail").isNotNull();
        assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    }

    private static JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(USER)
                .claim("roles", List.of("ADMIN"))
                .claim("agency", SecurityTestNode.AGENCY)
                .issuer("casebridge:" + SecurityTestNode.AGENCY)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))));
    }

    private static String sign(JWTClaimsSet claims, PrivateKey key) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
