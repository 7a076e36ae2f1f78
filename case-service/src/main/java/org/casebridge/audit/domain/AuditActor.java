package org.casebridge.audit.domain;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Who did an audited action, and in which request.
 *
 * <p>Roles are kept sorted and without duplicates, so the same actor always hashes the same way.
 *
 * @param username  the user's login name, {@code system} for the node itself, {@code partner:<AGENCY-CODE>} for a
 *                  partner agency's message
 * @param agency    the agency the actor belongs to (the node's own code for its users)
 * @param roles     the actor's roles at the time, e.g. {@code LIAISON}; empty for machines
 * @param requestId the HTTP request id, or the message id of a partner's message; null when there is none
 */
public record AuditActor(String username, String agency, List<String> roles, String requestId) {

    /** Username recorded for work the node does by itself (schedulers, the outbox relay). */
    public static final String SYSTEM_USERNAME = "system";
    /** Username prefix recorded for messages from a partner agency. */
    public static final String PARTNER_PREFIX = "partner:";
    /** Username recorded for requests without an authenticated user (e.g. a failed login names no one yet). */
    public static final String ANONYMOUS_USERNAME = "anonymous";

    /** What a request id may look like: it is echoed to clients and written to logs, so nothing exotic. */
    public static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public AuditActor {
        requireText(username, "username", 128);
        requireText(agency, "agency", 32);
        roles = List.copyOf(new TreeSet<>(Objects.requireNonNullElse(roles, List.<String>of())));
        if (String.join(",", roles).length() > 256) {
            throw new IllegalArgumentException("roles are longer than 256 characters");
        }
        for (String role : roles) {
            if (role.isBlank() || role.contains(",")) {
                throw new IllegalArgumentException("a role must be a non-blank name without commas: '" + role + "'");
            }
        }
        if (requestId != null && !REQUEST_ID.matcher(requestId).matches()) {
            throw new IllegalArgumentException("request id must match " + REQUEST_ID.pattern());
        }
    }

    /** A user of this node. */
    public static AuditActor user(String username, String agency, Collection<String> roles, String requestId) {
        return new AuditActor(username, agency, roles == null ? List.of() : List.copyOf(roles), requestId);
    }

    /**
     * The node itself, for work no user asked for.
     *
     * @param ownAgency the node's agency code
     * @param runId     an id that ties the entries of one run together (may be null)
     */
    public static AuditActor system(String ownAgency, String runId) {
        return new AuditActor(SYSTEM_USERNAME, ownAgency, List.of(), runId);
    }

    /**
     * A partner agency, for a message it sent.
     *
     * @param partnerAgency the sender's agency code, e.g. {@code NL-NHTC}
     * @param messageId     the envelope's message id
     */
    public static AuditActor partner(String partnerAgency, String messageId) {
        return new AuditActor(PARTNER_PREFIX + partnerAgency, partnerAgency, List.of(), messageId);
    }

    /** The roles as stored and hashed: sorted, comma-separated, empty for none. */
    public String rolesText() {
        return String.join(",", roles);
    }

    static void requireText(String value, String name, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        requireLength(value, name, maxLength);
    }

    static void requireLength(String value, String name, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new IllegalArgumentException(name + " is longer than " + maxLength + " characters");
        }
    }
}
