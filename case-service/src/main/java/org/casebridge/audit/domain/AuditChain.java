package org.casebridge.audit.domain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash chain of the audit log: how a row's hash is computed and how the next row is sealed.
 *
 * <p>The canonical encoding of a row (format {@value #FORMAT_TAG}) is a sequence of fields, each written as a
 * 4-byte big-endian signed length followed by that many bytes of UTF-8; a null field is the length {@code -1} and
 * no bytes. The fields, in this order:
 * <ol>
 *   <li>the format tag {@value #FORMAT_TAG};</li>
 *   <li>the sequence number in decimal;</li>
 *   <li>the time in UTC as {@code yyyy-MM-ddTHH:mm:ss.ffffffZ} (always six fraction digits);</li>
 *   <li>username, agency, roles (sorted, comma-separated), action, object type, object id, outcome, request id,
 *       detail;</li>
 *   <li>the previous row's hash (64 lowercase hex digits).</li>
 * </ol>
 * The row's hash is the SHA-256 digest of that encoding as 64 lowercase hex digits. The first row chains from
 * {@link #GENESIS_HASH}. Length prefixes make the encoding unambiguous: no choice of field values can make two
 * different rows encode to the same bytes.
 *
 * <p>Changing anything here makes every stored row fail verification: a new format needs a new tag and must keep
 * verifying rows written in the old one.
 */
public final class AuditChain {

    /** Names the encoding; part of every hash. */
    public static final String FORMAT_TAG = "casebridge-audit-v1";
    /** What the first row's previous hash is: 64 zeros. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private static final DateTimeFormatter UTC_MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private AuditChain() {
    }

    /**
     * The row that follows {@code head}: next sequence number, chained from the head's hash, sealed with its hash.
     */
    public static AuditEntry next(AuditChainHead head, Instant occurredAt, AuditActor actor, AuditEvent event) {
        AuditEntry unsealed = new AuditEntry(head.lastSequence() + 1, occurredAt, actor.username(), actor.agency(),
                actor.rolesText(), event.action().name(), event.objectType(), event.objectId(),
                event.outcome().name(), actor.requestId(), event.detail(), head.lastHash(), null);
        return withHash(unsealed, hashOf(unsealed));
    }

    /** The hash of a row, computed from all its fields except its stored hash. */
    public static String hashOf(AuditEntry entry) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(sha256.digest(canonicalEncoding(entry)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The bytes the hash is computed over (see the class comment). */
    public static byte[] canonicalEncoding(AuditEntry entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, FORMAT_TAG);
        field(out, Long.toString(entry.sequence()));
        field(out, formatTime(entry.occurredAt()));
        field(out, entry.username());
        field(out, entry.agency());
        field(out, entry.roles());
        field(out, entry.action());
        field(out, entry.objectType());
        field(out, entry.objectId());
        field(out, entry.outcome());
        field(out, entry.requestId());
        field(out, entry.detail());
        field(out, entry.prevHash());
        return out.toByteArray();
    }

    /** The time as it is encoded for hashing. */
    public static String formatTime(Instant time) {
        return UTC_MICROS.format(time);
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static AuditEntry withHash(AuditEntry e, String hash) {
        return new AuditEntry(e.sequence(), e.occurredAt(), e.username(), e.agency(), e.roles(), e.action(),
                e.objectType(), e.objectId(), e.outcome(), e.requestId(), e.detail(), e.prevHash(), hash);
    }
}
