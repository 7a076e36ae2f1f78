package org.casebridge.security.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Set;

/** Body of {@code PATCH /api/v1/users/{username}}: only the fields present change. */
@Serdeable
public record UpdateUserRequest(@Nullable String displayName, @Nullable String email, @Nullable Set<String> roles,
                                @Nullable Boolean enabled) {
}
