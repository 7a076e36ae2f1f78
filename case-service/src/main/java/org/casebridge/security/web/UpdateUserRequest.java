package org.casebridge.security.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** Body of {@code PATCH /api/v1/users/{username}}: only the fields present change. */
@Serdeable
public record UpdateUserRequest(
        @Nullable @Size(min = 1, max = 120) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String displayName,
        @Nullable @Email @Size(max = 254) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String email,
        @Nullable Set<String> roles,
        @Nullable Boolean enabled) {
}
