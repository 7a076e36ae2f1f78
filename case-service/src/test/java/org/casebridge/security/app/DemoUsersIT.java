package org.casebridge.security.app;

import com.nimbusds.jwt.SignedJWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.casebridge.infra.junit.NodeTestProperties;
import org.casebridge.security.domain.Role;
import org.casebridge.security.domain.UserAccount;
import org.casebridge.security.persistence.UserAccounts;
import org.casebridge.security.token.NodeSigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo environment: one user per role with the demo password, and an ephemeral signing key. */
@MicronautTest(environments = "demo", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoUsersIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    UserAccounts accounts;

    @Inject
    DemoUsers demoUsers;

    @Inject
    NodeSigningKey signingKey;

    @Override
    public Map<String, String> getProperties() {
        return NodeTestProperties.forAgency("NL-NHTC", "security_demo");
    }

    @Test
    void everyDemoUserHasItsRoleAndCanLogInWithTheDemoPassword() throws Exception {
        for (Role role : Role.values()) {
            String username = role.name().toLowerCase();
            UserAccount user = accounts.find(username).orElseThrow(() -> new AssertionError(username + " missing"));
            assertThat(user.roles()).containsExactly(role);
            assertThat(user.email()).isEqualTo(username + "@nl-nhtc.casebridge.test");
            assertThat(user.displayName()).contains("NL-NHTC");

            Map<?, ?> tokens = client.toBlocking().retrieve(HttpRequest.POST("/login",
                    Map.of("username", username, "password", "casebridge-demo")), Map.class);
            SignedJWT jwt = SignedJWT.parse((String) tokens.get("access_token"));
            assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly(role.name());
            assertThat(jwt.getJWTClaimsSet().getStringClaim("agency")).isEqualTo("NL-NHTC");
        }
    }

    @Test
    void creatingDemoUsersAgainChangesNothing() {
        int before = accounts.all().size();
        String hashBefore = accounts.find("admin").orElseThrow().passwordHash();

        assertThat(demoUsers.ensureDemoUsers()).containsExactly("liaison", "supervisor", "analyst", "admin");

        assertThat(accounts.all()).hasSize(before);
        assertThat(accounts.find("admin").orElseThrow().passwordHash()).isEqualTo(hashBefore);
    }

    @Test
    void withoutAConfiguredKeyTheDemoSignsWithAnEphemeralOne() {
        assertThat(signingKey.isEphemeral()).isTrue();
    }
}
