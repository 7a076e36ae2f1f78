package org.casebridge.security.web;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.casebridge.security.AdjustableClock;
import org.casebridge.security.SecurityTestNode;
import org.casebridge.security.TestTokens;
import org.casebridge.security.domain.Role;
import org.casebridge.security.domain.UserAccount;
import org.casebridge.security.persistence.RefreshTokenRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient httpClient;

    @Inject
    TestTokens tokens;

    @Inject
    AdjustableClock clock;

    @Inject
    RefreshTokenRepository refreshTokenRows;

    private BlockingHttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return SecurityTestNode.properties("security_login");
    }

    @BeforeAll
    void setUp() {
        client = httpClient.toBlocking();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void loginReturnsAnRs256TokenWithTheNodesClaimsThatVerifiesAgainstTheJwks() throws Exception {
        tokens.user("lena", Role.LIAISON, Role.SUPERVISOR);

        Map<String, Object> body = login("lena", TestTokens.PASSWORD);

        assertThat(body).containsEntry("token_type", "Bearer").containsEntry("expires_in", 900);
        assertThat((String) body.get("refresh_token")).isNotBlank();
        SignedJWT jwt = SignedJWT.parse((String) body.get("access_token"));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("lena");
        assertThat(claims.getStringListClaim("roles")).containsExactlyInAnyOrder("LIAISON", "SUPERVISOR");
        assertThat(claims.getStringClaim("agency")).isEqualTo("DE-BKA");
        assertThat(claims.getIssuer()).isEqualTo("casebridge:DE-BKA");
        assertThat(claims.getExpirationTime().toInstant())
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(15)), within(Duration.ofSeconds(30)));

        JWKSet keys = JWKSet.parse(client.retrieve(HttpRequest.GET("/keys"), String.class));
        assertThat(keys.getKeys()).singleElement().satisfies(key -> assertThat(key.isPrivate()).isFalse());
        RSAKey published = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(published).as("JWKS key with the token's kid").isNotNull();
        assertThat(jwt.verify(new RSASSAVerifier(published))).isTrue();
        assertThat(published.toRSAPublicKey()).isEqualTo(SecurityTestNode.NODE_KEY.getPublic());
    }

    @Test
    void theTokenOpensTheApi() {
        tokens.user("ana", Role.ANALYST);
        String token = (String) login("ana", TestTokens.PASSWORD).get("access_token");

        Map<?, ?> node = client.retrieve(HttpRequest.GET("/api/v1/node").bearerAuth(token), Map.class);

        assertThat(node.get("agencyCode")).isEqualTo("DE-BKA");
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSame401() {
        tokens.user("wrongpw", Role.LIAISON);

        HttpClientResponseException wrong = loginFails("wrongpw", "not the password at all");
        HttpClientResponseException unknown = loginFails("nobody-here", "not the password at all");

        assertThat(wrong.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(unknown.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(bodyWithoutInstance(wrong)).isEqualTo(bodyWithoutInstance(unknown));
    }

    @Test
    void fiveFailuresLockTheAccountForTenMinutes() {
        tokens.user("locky", Role.LIAISON);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(loginFails("locky", "guess number " + attempt).getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        }

        HttpClientResponseException locked = loginFails("locky", TestTokens.PASSWORD);
        HttpClientResponseException unknown = loginFails("nobody-at-all", "guess number 6");
        assertThat(locked.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(bodyWithoutInstance(locked)).isEqualTo(bodyWithoutInstance(unknown));

        clock.advance(Duration.ofMinutes(9));
        assertThat(loginFails("locky", TestTokens.PASSWORD).getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());

        clock.advance(Duration.ofMinutes(1));
        assertThat(login("locky", TestTokens.PASSWORD)).containsKey("access_token");
    }

    @Test
    void successfulLoginResetsTheFailureCount() {
        tokens.user("forgetful", Role.LIAISON);
        for (int attempt = 1; attempt <= 4; attempt++) {
            loginFails("forgetful", "guess number " + attempt);
        }
        login("forgetful", TestTokens.PASSWORD);
        for (int attempt = 1; attempt <= 4; attempt++) {
            loginFails("forgetful", "guess number " + attempt);
        }

        assertThat(login("forgetful", TestTokens.PASSWORD)).containsKey("access_token");
    }

    @Test
    void disabledUsersCannotLogIn() {
        tokens.user("gone", Role.LIAISON);
        String admin = tokens.bearer("login-admin", Role.ADMIN);
        client.exchange(HttpRequest.PATCH("/api/v1/users/gone", Map.of("enabled", false)).bearerAuth(admin));

        assertThat(loginFails("gone", TestTokens.PASSWORD).getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    }

    @Test
    void refreshTokenGivesANewAccessTokenWithCurrentRoles() throws Exception {
        tokens.user("refresher", Role.LIAISON);
        String refreshToken = (String) login("refresher", TestTokens.PASSWORD).get("refresh_token");
        String admin = tokens.bearer("refresh-admin", Role.ADMIN);
        client.exchange(HttpRequest.PATCH("/api/v1/users/refresher", Map.of("roles", List.of("SUPERVISOR")))
                .bearerAuth(admin));

        Map<String, Object> refreshed = refresh(refreshToken);

        SignedJWT jwt = SignedJWT.parse((String) refreshed.get("access_token"));
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("refresher");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("SUPERVISOR");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("agency")).isEqualTo("DE-BKA");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("casebridge:DE-BKA");
        assertThat(client.retrieve(HttpRequest.GET("/api/v1/node").bearerAuth(jwt.serialize()), Map.class))
                .containsEntry("agencyCode", "DE-BKA");
    }

    @Test
    void refreshTokensAreStoredHashedAndRevokedWhenTheUserIsDisabled() {
        UserAccount user = tokens.user("leaver", Role.LIAISON);
        String refreshToken = (String) login("leaver", TestTokens.PASSWORD).get("refresh_token");
        assertThat(refreshTokenRows.findById(refreshToken)).isEmpty();
        assertThat(refreshTokenRows.findById(sha256Hex(refreshToken))).get()
                .satisfies(row -> assertThat(row.userId()).isEqualTo(user.id()));
        assertThat(refresh(refreshToken)).containsKey("access_token");

        String admin = tokens.bearer("disabling-admin", Role.ADMIN);
        client.exchange(HttpRequest.PATCH("/api/v1/users/leaver", Map.of("enabled", false)).bearerAuth(admin));

        HttpClientResponseException refused = refreshFails(refreshToken);
        assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(refused.getResponse().getBody(String.class)).get().asString().contains("invalid_grant");
        assertThat(refreshTokenRows.findById(sha256Hex(refreshToken))).get()
                .satisfies(row -> assertThat(row.revokedAt()).isNotNull());
        // Enabling the user again does not bring revoked tokens back.
        client.exchange(HttpRequest.PATCH("/api/v1/users/leaver", Map.of("enabled", true)).bearerAuth(admin));
        assertThat(refreshFails(refreshToken).getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
    }

    @Test
    void unknownAndMalformedRefreshTokensAreRefused() {
        assertThat(refreshFails("A".repeat(43)).getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(refreshFails("not-a-token").getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
    }

    @Test
    void expiredRefreshTokensAreRefused() {
        tokens.user("sleeper", Role.LIAISON);
        String refreshToken = (String) login("sleeper", TestTokens.PASSWORD).get("refresh_token");

        clock.advance(Duration.ofHours(12));

        assertThat(refreshFails(refreshToken).getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
    }

    private Map<String, Object> login(String username, String password) {
        return client.retrieve(HttpRequest.POST("/login", Map.of("username", username, "password", password)),
                Argument.mapOf(String.class, Object.class));
    }

    private HttpClientResponseException loginFails(String username, String password) {
        return catchThrowableOfType(HttpClientResponseException.class, () -> login(username, password));
    }

    private Map<String, Object> refresh(String refreshToken) {
        return client.retrieve(HttpRequest.POST("/oauth/access_token",
                        Map.of("grant_type", "refresh_token", "refresh_token", refreshToken))
                .contentType(MediaType.APPLICATION_JSON_TYPE), Argument.mapOf(String.class, Object.class));
    }

    private HttpClientResponseException refreshFails(String refreshToken) {
        return catchThrowableOfType(HttpClientResponseException.class, () -> refresh(refreshToken));
    }

    private static String bodyWithoutInstance(HttpClientResponseException error) {
        return error.getResponse().getBody(String.class).orElse("").replaceAll("\"instance\":\"[^\"]*\"", "");
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
