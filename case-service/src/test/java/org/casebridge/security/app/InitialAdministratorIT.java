package org.casebridge.security.app;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.casebridge.security.SecurityTestNode;
import org.casebridge.security.TestTokens;
import org.casebridge.security.domain.Role;
import org.casebridge.security.persistence.UserAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InitialAdministratorIT implements TestPropertyProvider {

    @Inject
    UserAccounts accounts;

    @Inject
    TestTokens tokens;

    @Inject
    InitialAdministrator initialAdministrator;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(SecurityTestNode.properties("security_initial_admin"));
        properties.put("casebridge.security.initial-admin.username", "firstadmin");
        properties.put("casebridge.security.initial-admin.password", "change me right away");
        return properties;
    }

    @Test
    void aFreshNodeGetsItsConfiguredFirstAdministrator() {
        assertThat(accounts.all()).singleElement().satisfies(user -> {
            assertThat(user.username()).isEqualTo("firstadmin");
            assertThat(user.roles()).containsExactly(Role.ADMIN);
        });
        assertThat(tokens.login("firstadmin", "change me right away")).isNotBlank();
    }

    @Test
    void isNotCreatedAgainOnceAnAdministratorExists() {
        initialAdministrator.onStartup(null);

        assertThat(accounts.all()).hasSize(1);
    }
}
