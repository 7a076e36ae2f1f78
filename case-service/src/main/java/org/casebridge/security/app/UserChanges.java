package org.casebridge.security.app;

import java.util.Set;

/** A partial update of a user; null fields stay as they are. */
public record UserChanges(String displayName, String email, Set<String> roles, Boolean enabled) {
}
