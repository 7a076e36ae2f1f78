package org.casebridge.security.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Set;

/**
 * Body of {@code POST /api/v1/users}. The fields are checked by the application ({@code UserRules}), which reports
 * all problems at once as a 422 problem with one entry per field.
 */
@Serdeable
public record CreateUserRequest(@Nullable String username, @Nullable String displayName, @Nullable String email,
                                @Nullable Set<String> roles, @Nullable String password) {
}
