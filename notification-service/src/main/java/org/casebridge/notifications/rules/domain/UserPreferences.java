package org.casebridge.notifications.rules.domain;

import java.util.Map;
import java.util.UUID;

/**
 * A user's own choices over the role defaults.
 *
 * @param eventTypes true to add a type, false to mute it; absent types follow the role defaults
 * @param follows    true for a case, request or joint action followed, false for one the user unfollowed
 * @param emailMode  how notifications reach the user by e-mail
 */
public record UserPreferences(Map<String, Boolean> eventTypes, Map<UUID, Boolean> follows, EmailMode emailMode) {

    public static final UserPreferences DEFAULTS = new UserPreferences(Map.of(), Map.of(), EmailMode.IMMEDIATE);

    public UserPreferences {
        eventTypes = Map.copyOf(eventTypes);
        follows = Map.copyOf(follows);
        emailMode = emailMode == null ? EmailMode.IMMEDIATE : emailMode;
    }

    public boolean follows(UUID subjectId) {
        return Boolean.TRUE.equals(follows.get(subjectId));
    }
}
