package org.casebridge.notifications.rules.domain;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A user of the node as the notification rules see them. {@code email} may be null: then no mail. */
public record Recipient(String username, UUID userId, String displayName, String email, Set<String> roles,
                        boolean enabled) {

    public Recipient {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
    }

    /** Whether the event's actor (a user id or a username) is this user. */
    public boolean isActor(String actor) {
        return actor != null && (actor.equals(username) || userId != null && actor.equals(userId.toString()));
    }
}
