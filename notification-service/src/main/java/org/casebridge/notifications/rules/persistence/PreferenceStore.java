package org.casebridge.notifications.rules.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.casebridge.notifications.rules.domain.EmailMode;
import org.casebridge.notifications.rules.domain.UserPreferences;

/** Users' choices: event types added or muted, subjects followed or unfollowed, e-mail mode. */
@Singleton
public class PreferenceStore {

    private final JdbcOperations jdbc;

    public PreferenceStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public UserPreferences of(String username) {
        return ofAll(List.of(username)).getOrDefault(username, UserPreferences.DEFAULTS);
    }

    /**
     * Preferences of every user, with only the follow entries about {@code subjectId} (all an event needs).
     */
    @Transactional
    public Map<String, UserPreferences> forEvent(UUID subjectId) {
        Map<String, Map<String, Boolean>> types = new HashMap<>();
        Map<String, Map<UUID, Boolean>> follows = new HashMap<>();
        Map<String, EmailMode> modes = new HashMap<>();
        jdbc.prepareStatement("SELECT username, event_type, enabled FROM event_type_preference", statement -> {
            ResultSet rows = statement.executeQuery();
            while (rows.next()) {
                types.computeIfAbsent(rows.getString(1), k -> new HashMap<>()).put(rows.getString(2), rows.getBoolean(3));
            }
            return null;
        });
        jdbc.prepareStatement("SELECT username, subject_id, following FROM subject_follow WHERE subject_id = ?",
                statement -> {
                    statement.setObject(1, subjectId);
                    ResultSet rows = statement.executeQuery();
                    while (rows.next()) {
                        follows.computeIfAbsent(rows.getString(1), k -> new HashMap<>())
                                .put(rows.getObject(2, UUID.class), rows.getBoolean(3));
                    }
                    return null;
                });
        jdbc.prepareStatement("SELECT username, email_mode FROM delivery_preference", statement -> {
            ResultSet rows = statement.executeQuery();
            while (rows.next()) {
                modes.put(rows.getString(1), EmailMode.valueOf(rows.getString(2)));
            }
            return null;
        });
        Map<String, UserPreferences> all = new HashMap<>();
        Set<String> users = new HashSet<>(types.keySet());
        users.addAll(follows.keySet());
        users.addAll(modes.keySet());
        for (String user : users) {
            all.put(user, new UserPreferences(types.getOrDefault(user, Map.of()), follows.getOrDefault(user, Map.of()),
                    modes.getOrDefault(user, EmailMode.IMMEDIATE)));
        }
        return all;
    }

    private Map<String, UserPreferences> ofAll(List<String> usernames) {
        Map<String, UserPreferences> all = new HashMap<>();
        for (String username : usernames) {
            Map<String, Boolean> types = new HashMap<>();
            Map<UUID, Boolean> follows = new HashMap<>();
            jdbc.prepareStatement("SELECT event_type, enabled FROM event_type_preference WHERE username = ?", s -> {
                s.setString(1, username);
                ResultSet rows = s.executeQuery();
                while (rows.next()) {
                    types.put(rows.getString(1), rows.getBoolean(2));
                }
                return null;
            });
            jdbc.prepareStatement("SELECT subject_id, following FROM subject_follow WHERE username = ?", s -> {
                s.setString(1, username);
                ResultSet rows = s.executeQuery();
                while (rows.next()) {
                    follows.put(rows.getObject(1, UUID.class), rows.getBoolean(2));
                }
                return null;
            });
            EmailMode mode = jdbc.prepareStatement("SELECT email_mode FROM delivery_preference WHERE username = ?", s -> {
                s.setString(1, username);
                ResultSet rows = s.executeQuery();
                return rows.next() ? EmailMode.valueOf(rows.getString(1)) : EmailMode.IMMEDIATE;
            });
            all.put(username, new UserPreferences(types, follows, mode));
        }
        return all;
    }

    /** Adds ({@code true}) or mutes ({@code false}) a type, or returns it to the role default ({@code null}). */
    @Transactional
    public void setEventType(String username, String eventType, Boolean enabled) {
        if (enabled == null) {
            jdbc.prepareStatement("DELETE FROM event_type_preference WHERE username = ? AND event_type = ?", s -> {
                s.setString(1, username);
                s.setString(2, eventType);
                return s.executeUpdate();
            });
            return;
        }
        jdbc.prepareStatement("INSERT INTO event_type_preference (username, event_type, enabled) VALUES (?, ?, ?)"
                + " ON CONFLICT (username, event_type) DO UPDATE SET enabled = EXCLUDED.enabled", s -> {
                    s.setString(1, username);
                    s.setString(2, eventType);
                    s.setBoolean(3, enabled);
                    return s.executeUpdate();
                });
    }

    /** Records that a user follows or unfollowed a subject; an automatic follow never overrides a user's choice. */
    @Transactional
    public void setFollow(String username, UUID subjectId, boolean following, boolean byUser, String caseReference,
                          Instant at) {
        String conflict = byUser
                ? " ON CONFLICT (username, subject_id) DO UPDATE SET following = EXCLUDED.following,"
                  + " source = EXCLUDED.source, updated_at = EXCLUDED.updated_at,"
                  + " case_reference = COALESCE(EXCLUDED.case_reference, subject_follow.case_reference)"
                : " ON CONFLICT (username, subject_id) DO NOTHING";
        jdbc.prepareStatement("INSERT INTO subject_follow (username, subject_id, following, source, case_reference,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?)" + conflict, s -> {
                    s.setString(1, username);
                    s.setObject(2, subjectId);
                    s.setBoolean(3, following);
                    s.setString(4, byUser ? "USER" : "AUTO");
                    s.setString(5, caseReference);
                    s.setTimestamp(6, Timestamp.from(at));
                    return s.executeUpdate();
                });
    }

    /** The subjects a user follows, newest first. */
    @Transactional
    public List<Follow> follows(String username) {
        return jdbc.prepareStatement("SELECT subject_id, case_reference, source, updated_at FROM subject_follow"
                + " WHERE username = ? AND following ORDER BY updated_at DESC", s -> {
                    s.setString(1, username);
                    ResultSet rows = s.executeQuery();
                    List<Follow> follows = new ArrayList<>();
                    while (rows.next()) {
                        follows.add(new Follow(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                                rows.getTimestamp(4).toInstant()));
                    }
                    return follows;
                });
    }

    @Transactional
    public void setEmailMode(String username, EmailMode mode) {
        jdbc.prepareStatement("INSERT INTO delivery_preference (username, email_mode) VALUES (?, ?)"
                + " ON CONFLICT (username) DO UPDATE SET email_mode = EXCLUDED.email_mode", s -> {
                    s.setString(1, username);
                    s.setString(2, mode.name());
                    return s.executeUpdate();
                });
    }

    /** A subject a user follows. */
    public record Follow(UUID subjectId, String caseReference, String source, Instant since) {
    }
}
