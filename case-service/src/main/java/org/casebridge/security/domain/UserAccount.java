package org.casebridge.security.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A person who may log in to this agency node. Every user belongs to the node's agency; the agency is therefore
 * not stored per user.
 *
 * @param id           stable identifier
 * @param username     login name: lowercase letters, digits, dots, hyphens and underscores, see {@link #USERNAME}
 * @param displayName  how the console names the user
 * @param email        where notifications go
 * @param roles        at least one role
 * @param passwordHash the encoded password hash (never leaves the node)
 * @param enabled      false once an administrator disabled the account; a disabled user cannot log in or refresh
 * @param loginState   failed-login bookkeeping
 * @param createdAt    when the account was created
 */
public record UserAccount(UUID id, String username, String displayName, String email, Set<Role> roles,
                          String passwordHash, boolean enabled, LoginState loginState, Instant createdAt) {

    /** A username: starts with a letter, then letters, digits, '.', '_' or '-'; 3 to 64 characters, lowercase. */
    public static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,63}");

    public UserAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(loginState, "loginState");
        Objects.requireNonNull(createdAt, "createdAt");
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public UserAccount withLoginState(LoginState state) {
        return new UserAccount(id, username, displayName, email, roles, passwordHash, enabled, state, createdAt);
    }

    public UserAccount withPasswordHash(String hash) {
        return new UserAccount(id, username, displayName, email, roles, hash, enabled, loginState, createdAt);
    }

    public UserAccount withProfile(String newDisplayName, String newEmail, Set<Role> newRoles, boolean newEnabled) {
        return new UserAccount(id, username, newDisplayName, newEmail, newRoles, passwordHash, newEnabled, loginState,
                createdAt);
    }
}
