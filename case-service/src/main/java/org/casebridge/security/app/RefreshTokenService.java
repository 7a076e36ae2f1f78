package org.casebridge.security.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.casebridge.security.domain.UserAccount;
import org.casebridge.security.persistence.RefreshTokenRepository;
import org.casebridge.security.persistence.RefreshTokenRow;
import org.casebridge.security.persistence.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps refresh tokens (as SHA-256 hashes) so they can be revoked. A refresh token is redeemable while it is
 * neither expired nor revoked and its user is still enabled; the new access token carries the user's roles as they
 * are now, not as they were at login.
 */
@Singleton
public class RefreshTokenService {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenService.class);

    private final RefreshTokenRepository tokens;
    private final UserAccounts accounts;
    private final Duration lifetime;
    private final Clock clock;

    public RefreshTokenService(RefreshTokenRepository tokens, UserAccounts accounts,
                               RefreshTokenLifetimeConfiguration configuration, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.lifetime = configuration.getLifetime();
        this.clock = clock;
    }

    /** Records a token just handed to {@code username}. */
    @Transactional
    public void store(String username, String refreshToken) {
        Instant now = clock.instant();
        UserAccount user = accounts.find(username)
                .orElseThrow(() -> new IllegalStateException("refresh token issued for unknown user " + username));
        tokens.deleteExpiredOfUser(user.id(), now);
        tokens.save(new RefreshTokenRow(hash(refreshToken), user.id(), now, now.plus(lifetime), null));
    }

    /** The user the token was issued to, if the token may still be used. */
    @Transactional
    public Optional<UserAccount> redeem(String refreshToken) {
        Instant now = clock.instant();
        Optional<RefreshTokenRow> row = tokens.findById(hash(refreshToken));
        if (row.isEmpty()) {
            LOG.info("Refresh refused: unknown token");
            return Optional.empty();
        }
        RefreshTokenRow token = row.get();
        if (token.revokedAt() != null || !now.isBefore(token.expiresAt())) {
            LOG.info("Refresh refused: token revoked or expired");
            return Optional.empty();
        }
        Optional<UserAccount> user = accounts.find(token.userId()).filter(UserAccount::enabled);
        if (user.isEmpty()) {
            LOG.info("Refresh refused: user disabled");
        }
        return user;
    }

    /** Revokes every refresh token of the user (disabled, password reset). */
    @Transactional
    public int revokeAll(UUID userId) {
        return tokens.revokeAllOfUser(userId, clock.instant());
    }

    /** Number of refresh tokens of the user that could still be redeemed. */
    @Transactional
    public long countLive(UUID userId) {
        return tokens.countLiveOfUser(userId, clock.instant());
    }

    static String hash(String refreshToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(refreshToken.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
