package org.casebridge.security.token;

import io.micronaut.security.authentication.Authentication;
import org.casebridge.security.domain.UserAccount;

import java.util.List;
import java.util.Map;

/** The Micronaut {@link Authentication} of a user: username, roles and display name. */
public final class AuthenticationOfUser {

    /** Claim with the user's display name, so clients can greet the user without another request. */
    public static final String NAME_CLAIM = "name";

    private AuthenticationOfUser() {
    }

    public static Authentication of(UserAccount user) {
        return Authentication.build(user.username(), roles(user), attributes(user));
    }

    public static List<String> roles(UserAccount user) {
        return user.roles().stream().map(Enum::name).toList();
    }

    public static Map<String, Object> attributes(UserAccount user) {
        return Map.of(NAME_CLAIM, user.displayName());
    }
}
