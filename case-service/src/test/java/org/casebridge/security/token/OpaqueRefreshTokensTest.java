package org.casebridge.security.token;

import io.micronaut.security.authentication.Authentication;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OpaqueRefreshTokensTest {

    private final OpaqueRefreshTokens tokens = new OpaqueRefreshTokens();
    private final Authentication someone = Authentication.build("liaison");

    @Test
    void tokensAreRandom256BitValues() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String token = tokens.generate(someone, tokens.createKey(someone)).orElseThrow();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            seen.add(token);
        }
        assertThat(seen).hasSize(100);
    }

    @Test
    void validationOnlyLetsWellShapedTokensThrough() {
        String token = tokens.createKey(someone);

        assertThat(tokens.validate(token)).contains(token);
        assertThat(tokens.validate(token + "x")).isEmpty();
        assertThat(tokens.validate("eyJhbGciOiJIUzI1NiJ9.e30.sig")).isEmpty();
    }
}
