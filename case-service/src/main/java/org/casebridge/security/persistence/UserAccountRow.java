package org.casebridge.security.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code user_account}. */
@MappedEntity("user_account")
public record UserAccountRow(
        @Id UUID id,
        String username,
        String displayName,
        String email,
        @TypeDef(type = DataType.STRING_ARRAY) @MappedProperty("roles") String[] roles,
        String passwordHash,
        boolean enabled,
        int failedLogins,
        @Nullable Instant lockedUntil,
        Instant createdAt,
        Instant updatedAt) {
}
