package org.casebridge.security.app;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.casebridge.security.domain.LoginState;
import org.casebridge.security.domain.Role;
import org.casebridge.security.domain.UserAccount;
import org.casebridge.security.domain.UserRules;
import org.casebridge.security.domain.Violation;
import org.casebridge.security.persistence.UserAccounts;
import org.casebridge.support.problem.ProblemDetail.FieldError;
import org.casebridge.support.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What administrators do with users. Refuses what would leave the node without an enabled administrator, and
 * revokes a user's refresh tokens when the account is disabled or its password reset.
 */
@Singleton
public class UserAdministration {

    private static final Logger LOG = LoggerFactory.getLogger(UserAdministration.class);

    private final UserAccounts accounts;
    private final PasswordHasher hasher;
    private final RefreshTokenService refreshTokens;
    private final Clock clock;

    public UserAdministration(UserAccounts accounts, PasswordHasher hasher, RefreshTokenService refreshTokens,
                              Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    @Transactional
    public List<UserAccount> list() {
        return accounts.all();
    }

    @Transactional
    public UserAccount get(String username) {
        return accounts.find(username).orElseThrow(() -> ProblemException.notFound("User '" + username + "'"));
    }

    /**
     * @throws ProblemException 422 {@code VALIDATION_FAILED} listing every bad field (including a password the policy
     *                          refuses); 409 {@code USERNAME_TAKEN}
     */
    @Transactional
    public UserAccount create(NewUser request) {
        requireValid(UserRules.forNewUser(request.username(), request.displayName(), request.email(),
                request.roles(), request.password()));
        if (accounts.exists(request.username())) {
            throw new ProblemException(HttpStatus.CONFLICT, "USERNAME_TAKEN",
                    "A user named '" + request.username() + "' already exists",
                    List.of(new FieldError("username", "is already taken")));
        }
        Instant now = clock.instant();
        UserAccount user = new UserAccount(UUID.randomUUID(), request.username(), request.displayName().strip(),
                request.email().strip(), UserRules.parseRoles(request.roles()), hasher.hash(request.password()), true,
                LoginState.CLEAN, now);
        accounts.insert(user, now);
        LOG.info("User {} created with roles {}", user.username(), user.roles());
        return user;
    }

    /**
     * @throws ProblemException 404 unknown user; 422 {@code VALIDATION_FAILED}; 409 {@code LAST_ADMIN} if the change
     *                          would leave no enabled administrator
     */
    @Transactional
    public UserAccount update(String username, UserChanges changes) {
        UserAccount user = get(username);
        requireValid(UserRules.forChanges(changes.displayName(), changes.email(), changes.roles()));
        Set<Role> roles = changes.roles() == null ? user.roles() : UserRules.parseRoles(changes.roles());
        boolean enabled = changes.enabled() == null ? user.enabled() : changes.enabled();
        String displayName = changes.displayName() == null ? user.displayName() : changes.displayName().strip();
        String email = changes.email() == null ? user.email() : changes.email().strip();
        boolean wasActiveAdmin = user.enabled() && user.hasRole(Role.ADMIN);
        boolean staysActiveAdmin = enabled && roles.contains(Role.ADMIN);
        if (wasActiveAdmin && !staysActiveAdmin && accounts.countEnabledAdmins() <= 1) {
            throw ProblemException.conflict("LAST_ADMIN",
                    "'" + username + "' is the only enabled administrator; make someone else an administrator first");
        }
        UserAccount updated = accounts.update(user.withProfile(displayName, email, roles, enabled), clock.instant());
        if (user.enabled() && !enabled) {
            int revoked = refreshTokens.revokeAll(user.id());
            LOG.info("User {} disabled; {} refresh tokens revoked", username, revoked);
        }
        if (!user.roles().equals(roles)) {
            LOG.info("User {} roles changed from {} to {}", username, user.roles(), roles);
        }
        return updated;
    }

    /** Sets a new password, lifts a lock and revokes the user's refresh tokens (a reset often follows a leak). */
    @Transactional
    public void resetPassword(String username, String password) {
        UserAccount user = get(username);
        requireValid(UserRules.forPassword(username, password));
        accounts.update(user.withPasswordHash(hasher.hash(password)).withLoginState(LoginState.CLEAN), clock.instant());
        refreshTokens.revokeAll(user.id());
        LOG.info("Password of {} reset by an administrator", username);
    }

    /** Lifts a lockout and forgets failed logins. */
    @Transactional
    public UserAccount unlock(String username) {
        UserAccount user = get(username);
        UserAccount unlocked = accounts.update(user.withLoginState(LoginState.CLEAN), clock.instant());
        LOG.info("User {} unlocked by an administrator", username);
        return unlocked;
    }

    private static void requireValid(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "VALIDATION_FAILED",
                    violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")),
                    violations.stream().map(v -> new FieldError(v.field(), v.message())).toList());
        }
    }
}
