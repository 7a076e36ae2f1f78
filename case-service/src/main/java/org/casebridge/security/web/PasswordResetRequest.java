package org.casebridge.security.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Body of {@code POST /api/v1/users/{username}/password}. */
@Serdeable
public record PasswordResetRequest(@Nullable String password) {
}
