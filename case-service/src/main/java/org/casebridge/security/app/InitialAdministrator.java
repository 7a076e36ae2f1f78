package org.casebridge.security.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.casebridge.security.domain.Role;
import org.casebridge.security.domain.UserAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * Creates the first administrator of a fresh production node from {@code casebridge.security.initial-admin.username}
 * and {@code .password}, but only while the node has no administrator at all. There is no default: without the
 * properties nothing happens. The password should be changed after the first login.
 */
@Singleton
@Requires(property = InitialAdministrator.USERNAME_PROPERTY)
public class InitialAdministrator {

    static final String USERNAME_PROPERTY = "casebridge.security.initial-admin.username";

    private static final Logger LOG = LoggerFactory.getLogger(InitialAdministrator.class);

    private final UserAdministration administration;
    private final String username;
    private final String password;

    public InitialAdministrator(UserAdministration administration,
                                @Value("${" + USERNAME_PROPERTY + "}") String username,
                                @Value("${casebridge.security.initial-admin.password}") String password) {
        this.administration = administration;
        this.username = username;
        this.password = password;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        boolean hasAdministrator = administration.list().stream().anyMatch(user -> user.hasRole(Role.ADMIN));
        if (hasAdministrator) {
            LOG.info("casebridge.security.initial-admin is set but the node already has an administrator: ignored");
            return;
        }
        UserAccount admin = administration.create(new NewUser(username, "Initial administrator",
                username + "@localhost.invalid", Set.of(Role.ADMIN.name()), password));
        LOG.warn("Created the initial administrator '{}'. Change its password and e-mail after the first login.",
                admin.username());
    }
}
