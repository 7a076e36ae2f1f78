package org.casebridge.security.persistence;

import jakarta.inject.Singleton;
import org.casebridge.security.domain.LoginState;
import org.casebridge.security.domain.Role;
import org.casebridge.security.domain.UserAccount;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores and loads {@link UserAccount}s, mapping them to rows. The application layer sees only domain types.
 * Callers own the transaction.
 */
@Singleton
public class UserAccounts {

    private final UserAccountRepository repository;

    public UserAccounts(UserAccountRepository repository) {
        this.repository = repository;
    }

    public Optional<UserAccount> find(String username) {
        return repository.findByUsername(username).map(UserAccounts::toDomain);
    }

    /** Loads the account and locks its row until the current transaction ends. */
    public Optional<UserAccount> findForUpdate(String username) {
        return repository.findByUsernameForUpdate(username).map(UserAccounts::toDomain);
    }

    public Optional<UserAccount> find(UUID id) {
        return repository.findById(id).map(UserAccounts::toDomain);
    }

    public boolean exists(String username) {
        return repository.existsByUsername(username);
    }

    public List<UserAccount> all() {
        return repository.listOrderByUsername().stream().map(UserAccounts::toDomain).toList();
    }

    public long countEnabledAdmins() {
        return repository.countEnabledAdmins();
    }

    public UserAccount insert(UserAccount account, Instant now) {
        repository.save(toRow(account, now));
        return account;
    }

    public UserAccount update(UserAccount account, Instant now) {
        repository.update(toRow(account, now));
        return account;
    }

    static UserAccount toDomain(UserAccountRow row) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(row.roles()).map(Role::valueOf).forEach(roles::add);
        return new UserAccount(row.id(), row.username(), row.displayName(), row.email(), roles, row.passwordHash(),
                row.enabled(), new LoginState(row.failedLogins(), row.lockedUntil()), row.createdAt());
    }

    static UserAccountRow toRow(UserAccount account, Instant now) {
        String[] roles = account.roles().stream().map(Role::name).toArray(String[]::new);
        return new UserAccountRow(account.id(), account.username(), account.displayName(), account.email(), roles,
                account.passwordHash(), account.enabled(), account.loginState().failedAttempts(),
                account.loginState().lockedUntil(), account.createdAt(), now);
    }
}
