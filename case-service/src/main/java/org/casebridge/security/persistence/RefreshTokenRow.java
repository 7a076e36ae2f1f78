package org.casebridge.security.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code refresh_token}: the SHA-256 hash (hex) of a refresh token, never the token itself. */
@MappedEntity("refresh_token")
public record RefreshTokenRow(
        @Id String tokenHash,
        UUID userId,
        Instant issuedAt,
        Instant expiresAt,
        @Nullable Instant revokedAt) {
}
