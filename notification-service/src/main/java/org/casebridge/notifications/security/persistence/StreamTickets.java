package org.casebridge.notifications.security.persistence;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Single-use tickets that open the browser's event stream. A browser's EventSource cannot send an Authorization
 * header, and a JWT in a URL would land in logs and histories for its whole lifetime; a ticket is obtained with the
 * JWT, lives seconds, opens one stream and is then gone. Only its SHA-256 is stored.
 */
@Singleton
public class StreamTickets {

    private final JdbcOperations jdbc;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    public StreamTickets(JdbcOperations jdbc, Clock clock,
                         @Value("${casebridge.notifications.stream.ticket-lifetime:60s}") Duration lifetime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A new ticket for the user. */
    @Transactional
    public Ticket issue(String username) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = clock.instant().plus(lifetime);
        jdbc.prepareStatement("DELETE FROM stream_ticket WHERE expires_at < ?", s -> {
            s.setTimestamp(1, Timestamp.from(clock.instant()));
            return s.executeUpdate();
        });
        jdbc.prepareStatement("INSERT INTO stream_ticket (ticket_hash, username, expires_at) VALUES (?, ?, ?)", s -> {
            s.setString(1, hash(ticket));
            s.setString(2, username);
            s.setTimestamp(3, Timestamp.from(expiresAt));
            return s.executeUpdate();
        });
        return new Ticket(ticket, expiresAt);
    }

    /** The user the ticket was issued to, if it is valid; the ticket is used up either way. */
    @Transactional
    public Optional<String> redeem(String ticket) {
        if (ticket == null || ticket.isBlank() || ticket.length() > 100) {
            return Optional.empty();
        }
        return jdbc.prepareStatement("DELETE FROM stream_ticket WHERE ticket_hash = ? RETURNING username, expires_at",
                s -> {
                    s.setString(1, hash(ticket));
                    ResultSet rows = s.executeQuery();
                    if (!rows.next() || rows.getTimestamp(2).toInstant().isBefore(clock.instant())) {
                        return Optional.empty();
                    }
                    return Optional.of(rows.getString(1));
                });
    }

    private static String hash(String ticket) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(ticket.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A ticket and when it expires. */
    public record Ticket(String ticket, Instant expiresAt) {
    }
}
