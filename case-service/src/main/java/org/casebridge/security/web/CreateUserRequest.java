package org.casebridge.security.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** Body of {@code POST /api/v1/users}. Roles are checked by name (422 for an unknown one). */
@Serdeable
public record CreateUserRequest(
        @NotBlank
        @Pattern(regexp = "[a-z][a-z0-9._-]{2,63}",
                message = "must be 3 to 64 lowercase letters, digits, '.', '_' or '-', starting with a letter")
        String username,
        @NotBlank @Size(max = 120) String displayName,
        @NotBlank @Email @Size(max = 254) String email,
        @NotEmpty Set<@NotBlank String> roles,
        @NotNull String password) {
}
