package org.casebridge.security.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/v1/users/{username}/password}. */
@Serdeable
public record PasswordResetRequest(@NotNull String password) {
}
