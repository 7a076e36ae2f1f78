package org.casebridge.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.render.AccessRefreshToken;
import jakarta.inject.Singleton;
import org.casebridge.security.app.PasswordHasher;
import org.casebridge.security.domain.LoginState;
import org.casebridge.security.domain.Role;
import org.casebridge.security.domain.UserAccount;
import org.casebridge.security.persistence.UserAccounts;
import org.casebridge.security.token.AuthenticationOfUser;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bearer tokens for integration tests, in one line:
 * <pre>
 * &#64;Inject TestTokens tokens;
 * client.toBlocking().exchange(HttpRequest.GET("/api/v1/cases").bearerAuth(tokens.bearer("liaison", Role.LIAISON)));
 * </pre>
 * {@link #bearer} creates the user through the repository if missing (password {@link #PASSWORD}) and mints a token
 * exactly as {@code POST /login} does; {@link #login} goes through {@code POST /login} itself.
 */
@Singleton
public class TestTokens {

    /** Password of every user this class creates. */
    public static final String PASSWORD = "correct horse battery staple";

    private final UserAccounts accounts;
    private final PasswordHasher hasher;
    private final AccessRefreshTokenGenerator tokens;
    private final EmbeddedServer server;
    private volatile String passwordHash;

    public TestTokens(UserAccounts accounts, PasswordHasher hasher, AccessRefreshTokenGenerator tokens,
                      EmbeddedServer server) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.tokens = tokens;
        this.server = server;
    }

    /** An access token of {@code username}, created with {@code roles} if the user does not exist yet. */
    public String bearer(String username, Role... roles) {
        return ensureUser(username, roles).getAccessToken();
    }

    /** Access and refresh token of {@code username}, created with {@code roles} if missing. */
    public AccessRefreshToken tokensOf(String username, Role... roles) {
        return ensureUser(username, roles);
    }

    /** Creates the user if missing (enabled, password {@link #PASSWORD}); returns the stored account. */
    public UserAccount user(String username, Role... roles) {
        return accounts.find(username).orElseGet(() -> {
            EnumSet<Role> roleSet = roles.length == 0 ? EnumSet.of(Role.LIAISON) : EnumSet.copyOf(List.of(roles));
            Instant now = Instant.now();
            return accounts.insert(new UserAccount(UUID.randomUUID(), username, "Test " + username,
                    username + "@test.casebridge.test", roleSet, passwordHash(), true, LoginState.CLEAN, now), now);
        });
    }

    /** Logs in through {@code POST /login}; returns the access token. */
    public String login(String username, String password) {
        try (HttpClient client = HttpClient.create(server.getURL())) {
            Map<?, ?> body = client.toBlocking().retrieve(
                    HttpRequest.POST("/login", Map.of("username", username, "password", password)), Map.class);
            return (String) body.get("access_token");
        }
    }

    /** Adds the {@code Authorization: Bearer} header. */
    public <B> MutableHttpRequest<B> as(MutableHttpRequest<B> request, String username, Role... roles) {
        return request.bearerAuth(bearer(username, roles));
    }

    private AccessRefreshToken ensureUser(String username, Role... roles) {
        UserAccount user = user(username, roles);
        return tokens.generate(AuthenticationOfUser.of(user))
                .orElseThrow(() -> new IllegalStateException("no token generated for " + username));
    }

    private String passwordHash() {
        String hash = passwordHash;
        if (hash == null) {
            hash = hasher.hash(PASSWORD);
            passwordHash = hash;
        }
        return hash;
    }
}
