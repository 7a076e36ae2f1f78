package org.casebridge.security.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.casebridge.security.domain.LockoutPolicy;
import org.casebridge.security.domain.LoginState;
import org.casebridge.security.domain.UserAccount;
import org.casebridge.security.persistence.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a username and password and keeps the failed-login count. Every refusal looks the same to the caller
 * (unknown user, wrong password, disabled, locked), so the answer reveals nothing about the account.
 */
@Singleton
public class LoginService {

    private static final Logger LOG = LoggerFactory.getLogger(LoginService.class);

    private final UserAccounts accounts;
    private final PasswordHasher hasher;
    private final LockoutPolicy lockout;
    private final Clock clock;

    public LoginService(UserAccounts accounts, PasswordHasher hasher, LockoutConfiguration lockout, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.lockout = lockout.toPolicy();
        this.clock = clock;
    }

    /**
     * The user, if the password is right and the account is enabled and not locked.
     *
     * <p>The row stays locked for the duration of the check, so concurrent guesses are all counted.
     */
    @Transactional
    public Optional<UserAccount> login(String username, String password) {
        Instant now = clock.instant();
        Optional<UserAccount> found = username != null && UserAccount.USERNAME.matcher(username).matches()
                ? accounts.findForUpdate(username)
                : Optional.empty();
        if (found.isEmpty()) {
            hasher.spendCheckTime(password);
            LOG.info("Login refused: unknown user");
            return Optional.empty();
        }
        UserAccount user = found.get();
        if (!user.enabled()) {
            hasher.spendCheckTime(password);
            LOG.info("Login refused for {}: account disabled", user.username());
            return Optional.empty();
        }
        if (lockout.isLocked(user.loginState(), now)) {
            hasher.spendCheckTime(password);
            LOG.info("Login refused for {}: account locked until {}", user.username(), user.loginState().lockedUntil());
            return Optional.empty();
        }
        if (hasher.matches(password, user.passwordHash())) {
            if (!user.loginState().equals(LoginState.CLEAN)) {
                accounts.update(user.withLoginState(lockout.afterSuccess()), now);
            }
            return Optional.of(user);
        }
        LoginState next = lockout.afterFailure(user.loginState(), now);
        accounts.update(user.withLoginState(next), now);
        if (lockout.isLocked(next, now)) {
            LOG.warn("Account {} locked until {} after {} failed logins", user.username(), next.lockedUntil(),
                    next.failedAttempts());
        } else {
            LOG.info("Login refused for {}: wrong password ({} of {})", user.username(), next.failedAttempts(),
                    lockout.maxFailures());
        }
        return Optional.empty();
    }
}
