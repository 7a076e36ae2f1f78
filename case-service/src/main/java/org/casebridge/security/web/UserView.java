package org.casebridge.security.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.casebridge.security.domain.LockoutPolicy;
import org.casebridge.security.domain.UserAccount;

import java.time.Instant;
import java.util.List;

/**
 * A user as administrators see it. Never carries the password hash.
 *
 * @param locked      true while a lockout is in force
 * @param lockedUntil when the lockout ends, if locked
 */
@Serdeable
public record UserView(String username, String displayName, String email, List<String> roles, boolean enabled,
                       boolean locked, @Nullable Instant lockedUntil, int failedLogins, Instant createdAt) {

    static UserView of(UserAccount user, LockoutPolicy lockout, Instant now) {
        boolean locked = lockout.isLocked(user.loginState(), now);
        return new UserView(user.username(), user.displayName(), user.email(),
                user.roles().stream().map(Enum::name).toList(), user.enabled(), locked,
                locked ? user.loginState().lockedUntil() : null, user.loginState().failedAttempts(), user.createdAt());
    }
}
