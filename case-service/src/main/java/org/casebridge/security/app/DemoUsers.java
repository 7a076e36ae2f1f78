package org.casebridge.security.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.casebridge.security.domain.Role;
import org.casebridge.security.domain.UserAccount;
import org.casebridge.support.agency.AgencyConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * In the {@code demo} environment only: one user per role ({@code liaison}, {@code supervisor}, {@code analyst},
 * {@code admin}), created at start when missing, with the password from {@code casebridge.demo.password}. The
 * credentials are printed, because a demo nobody can log in to is no demo.
 */
@Singleton
@Requires(env = "demo")
public class DemoUsers {

    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

    private final UserAdministration administration;
    private final String agencyCode;
    private final String password;

    public DemoUsers(UserAdministration administration, AgencyConfiguration agency,
                     @Value("${casebridge.demo.password}") String password) {
        this.administration = administration;
        this.agencyCode = agency.getCode();
        this.password = password;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        List<String> names = ensureDemoUsers();
        LOG.info("Demo users for {}: {} / password: {}", agencyCode, String.join(", ", names), password);
    }

    /** Creates the missing demo users; returns all demo usernames. */
    public List<String> ensureDemoUsers() {
        List<Role> roles = List.of(Role.LIAISON, Role.SUPERVISOR, Role.ANALYST, Role.ADMIN);
        String domain = agencyCode.toLowerCase(Locale.ROOT) + ".casebridge.test";
        Set<String> existing = administration.list().stream().map(UserAccount::username).collect(Collectors.toSet());
        for (Role role : roles) {
            String username = role.name().toLowerCase(Locale.ROOT);
            if (!existing.contains(username)) {
                String displayName = "Demo " + username + " (" + agencyCode + ")";
                administration.create(new NewUser(username, displayName, username + "@" + domain,
                        Set.of(role.name()), password));
            }
        }
        return roles.stream().map(role -> role.name().toLowerCase(Locale.ROOT)).toList();
    }
}
