package org.casebridge.security.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {

    @Test
    void defaultsAreArgon2idWithOwaspParameters() {
        PasswordHasher hasher = new PasswordHasher(new PasswordHashingConfiguration());

        String hash = hasher.hash("correct horse battery");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.matches("correct horse battery", hash)).isTrue();
        assertThat(hasher.matches("correct horse batterY", hash)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        PasswordHasher hasher = cheapHasher();

        assertThat(hasher.hash("correct horse battery")).isNotEqualTo(hasher.hash("correct horse battery"));
    }

    @Test
    void verifiesHashesMadeWithOtherParameters() {
        String oldHash = cheapHasher().hash("correct horse battery");

        assertThat(new PasswordHasher(new PasswordHashingConfiguration()).matches("correct horse battery", oldHash))
                .isTrue();
    }

    @Test
    void unreadableHashesNeverMatch() {
        PasswordHasher hasher = cheapHasher();

        assertThat(hasher.matches("x", "plain text")).isFalse();
        assertThat(hasher.matches("x", "$argon2id$garbage")).isFalse();
        assertThat(hasher.matches(null, hasher.hash("correct horse battery"))).isFalse();
    }

    private static PasswordHasher cheapHasher() {
        PasswordHashingConfiguration configuration = new PasswordHashingConfiguration();
        configuration.setMemoryKib(1024);
        configuration.setIterations(1);
        return new PasswordHasher(configuration);
    }
}
