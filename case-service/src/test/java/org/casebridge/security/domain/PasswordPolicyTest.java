package org.casebridge.security.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    @Test
    void acceptsALongPassphrase() {
        assertThat(PasswordPolicy.violations("liaison", "correct horse battery")).isEmpty();
    }

    @Test
    void refusesShortPasswords() {
        assertThat(PasswordPolicy.violations("liaison", "elevenchars")).containsExactly("must have at least 12 characters");
        assertThat(PasswordPolicy.violations("liaison", "twelve chars")).isEmpty();
    }

    @Test
    void refusesOverlongPasswords() {
        assertThat(PasswordPolicy.violations("liaison", "ab".repeat(65))).contains("must have at most 128 characters");
    }

    @Test
    void refusesMissingBlankAndRepeatedPasswords() {
        assertThat(PasswordPolicy.violations("liaison", null)).containsExactly("is required");
        assertThat(PasswordPolicy.violations("liaison", " ".repeat(14))).contains("must not be only whitespace");
        assertThat(PasswordPolicy.violations("liaison", "a".repeat(14))).contains("must not repeat a single character");
    }

    @Test
    void refusesPasswordsContainingTheUsername() {
        assertThat(PasswordPolicy.violations("liaison", "my-Liaison-password")).contains("must not contain the username");
    }
}
