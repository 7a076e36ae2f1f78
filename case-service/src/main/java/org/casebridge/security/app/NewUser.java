package org.casebridge.security.app;

import java.util.Set;

/** What an administrator gives to create a user. Roles are names, checked against {@code Role}. */
public record NewUser(String username, String displayName, String email, Set<String> roles, String password) {
}
