package org.casebridge.security.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserRulesTest {

    @Test
    void acceptsAGoodNewUser() {
        assertThat(UserRules.forNewUser("mara.k", "Mara K", "mara@bka.example", List.of("LIAISON", "ANALYST"),
                "a long enough secret")).isEmpty();
    }

    @Test
    void reportsEveryProblemOfANewUser() {
        List<Violation> violations = UserRules.forNewUser("X", " ", "no-at-sign", List.of("LIAISON", "KING"), "short");

        assertThat(violations).extracting(Violation::field)
                .containsExactly("username", "displayName", "email", "roles", "password");
    }

    @Test
    void requiresEveryFieldOfANewUser() {
        assertThat(UserRules.forNewUser(null, null, null, null, null))
                .extracting(Violation::field, Violation::message)
                .contains(org.assertj.core.groups.Tuple.tuple("username", "is required"),
                        org.assertj.core.groups.Tuple.tuple("displayName", "is required"),
                        org.assertj.core.groups.Tuple.tuple("email", "is required"),
                        org.assertj.core.groups.Tuple.tuple("password", "is required"));
    }

    @Test
    void usernamesAreLowercaseAndStartWithALetter() {
        assertThat(UserAccount.USERNAME.matcher("liaison").matches()).isTrue();
        assertThat(UserAccount.USERNAME.matcher("j.doe-2_x").matches()).isTrue();
        assertThat(UserAccount.USERNAME.matcher("Liaison").matches()).isFalse();
        assertThat(UserAccount.USERNAME.matcher("2fast").matches()).isFalse();
        assertThat(UserAccount.USERNAME.matcher("ab").matches()).isFalse();
        assertThat(UserAccount.USERNAME.matcher("a".repeat(65)).matches()).isFalse();
    }

    @Test
    void changesMayLeaveFieldsOutButNotBlankThem() {
        assertThat(UserRules.forChanges(null, null, null)).isEmpty();
        assertThat(UserRules.forChanges("", "x", Set.of())).extracting(Violation::field)
                .containsExactly("displayName", "email", "roles");
        assertThat(UserRules.forChanges("d".repeat(121), null, null)).extracting(Violation::message)
                .containsExactly("must have at most 120 characters");
    }

    @Test
    void parsesKnownRolesOnly() {
        assertThat(UserRules.parseRoles(List.of("ADMIN", "LIAISON"))).containsExactly(Role.LIAISON, Role.ADMIN);
        assertThatThrownBy(() -> UserRules.parseRoles(List.of("admin"))).isInstanceOf(IllegalArgumentException.class);
    }
}
