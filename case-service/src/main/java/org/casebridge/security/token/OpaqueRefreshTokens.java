package org.casebridge.security.token;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.RefreshTokenGenerator;
import io.micronaut.security.token.validator.RefreshTokenValidator;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Refresh tokens are 256 random bits (base64url), not signed JWTs: the database decides whether one is valid, so a
 * second signing secret would add a thing to configure and protect without adding safety.
 */
@Singleton
public class OpaqueRefreshTokens implements RefreshTokenGenerator, RefreshTokenValidator {

    private static final int TOKEN_BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecureRandom random = new SecureRandom();

    @Override
    @NonNull
    public String createKey(@NonNull Authentication authentication) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    @NonNull
    public Optional<String> generate(@NonNull Authentication authentication, @NonNull String token) {
        return Optional.of(token);
    }

    /** Only checks the shape; whether the token was issued and is still usable is the persistence's call. */
    @Override
    @NonNull
    public Optional<String> validate(@NonNull String refreshToken) {
        return SHAPE.matcher(refreshToken).matches() ? Optional.of(refreshToken) : Optional.empty();
    }
}
