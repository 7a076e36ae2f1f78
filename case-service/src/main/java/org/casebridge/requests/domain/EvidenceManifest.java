package org.casebridge.requests.domain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a fulfilment delivers: the list of evidence items with their hashes and chains of custody. Its hash is signed
 * with the message and lets both agencies prove they hold the same manifest.
 *
 * <p>The canonical encoding (format {@value #FORMAT_TAG}) is a sequence of fields, each a 4-byte big-endian signed
 * length followed by that many bytes of UTF-8; a null field is the length {@code -1} and no bytes. Instants are UTC
 * as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} (always three fraction digits: the message contract carries milliseconds). The
 * fields, in this order:
 * <ol>
 *   <li>the format tag {@value #FORMAT_TAG};</li>
 *   <li>the request id (lower-case UUID), the producing agency, the production time;</li>
 *   <li>the number of items in decimal; then for each item in manifest order: description, media type, size in
 *       decimal, SHA-256 (64 lower-case hex digits), acquisition time, acquisition method, the number of custody
 *       entries in decimal; then for each custody entry in order: handled by, time, action name, note.</li>
 * </ol>
 * The manifest hash is the SHA-256 digest of that encoding as 64 lower-case hex digits. Length prefixes make the
 * encoding unambiguous; the request id binds the manifest to its request. A new format needs a new tag.
 *
 * @param requestId  the evidence request it fulfils
 * @param producedBy the agency that produced it
 * @param producedAt when (UTC, to the millisecond)
 * @param items      the evidence, at least one item
 */
public record EvidenceManifest(UUID requestId, String producedBy, Instant producedAt, List<EvidenceItem> items) {

    /** Names the encoding; part of every hash. */
    public static final String FORMAT_TAG = "casebridge-evidence-manifest-v1";

    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern MEDIA_TYPE =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}");

    /**
     * @throws InvalidRequestException naming every bad field ({@code items[1].sha256},
     *                                 {@code items[0].custody[2].at}...)
     */
    public EvidenceManifest {
        producedAt = producedAt == null ? null : producedAt.truncatedTo(ChronoUnit.MILLIS);
        items = items == null ? List.of() : List.copyOf(items);
        InvalidRequestException.throwIfAny(violations(requestId, producedBy, producedAt, items));
    }

    private static List<FieldViolation> violations(UUID requestId, String producedBy, Instant producedAt,
                                                   List<EvidenceItem> items) {
        List<FieldViolation> out = new ArrayList<>();
        required(requestId, "requestId", out);
        requiredText(producedBy, "producedBy", out);
        required(producedAt, "producedAt", out);
        if (items.isEmpty()) {
            out.add(new FieldViolation("items", "a manifest lists at least one item"));
        }
        for (int i = 0; i < items.size(); i++) {
            String path = "items[" + i + "]";
            EvidenceItem item = items.get(i);
            if (item == null) {
                out.add(new FieldViolation(path, "is required"));
                continue;
            }
            requiredText(item.description(), path + ".description", out);
            if (item.mediaType() == null || !MEDIA_TYPE.matcher(item.mediaType()).matches()) {
                out.add(new FieldViolation(path + ".mediaType", "must be a media type such as application/pdf"));
            }
            if (item.sizeBytes() <= 0) {
                out.add(new FieldViolation(path + ".sizeBytes", "must be more than zero"));
            }
            if (item.sha256() == null || !SHA256_HEX.matcher(item.sha256()).matches()) {
                out.add(new FieldViolation(path + ".sha256", "must be a SHA-256 digest: 64 hex digits"));
            }
            required(item.acquiredAt(), path + ".acquiredAt", out);
            requiredText(item.acquisitionMethod(), path + ".acquisitionMethod", out);
            if (item.custody().isEmpty()) {
                out.add(new FieldViolation(path + ".custody", "the chain of custody needs at least one entry"));
            }
            Instant previous = null;
            for (int j = 0; j < item.custody().size(); j++) {
                String entryPath = path + ".custody[" + j + "]";
                CustodyEntry entry = item.custody().get(j);
                if (entry == null) {
                    out.add(new FieldViolation(entryPath, "is required"));
                    continue;
                }
                requiredText(entry.handledBy(), entryPath + ".handledBy", out);
                required(entry.action(), entryPath + ".action", out);
                required(entry.at(), entryPath + ".at", out);
                if (entry.at() != null && previous != null && entry.at().isBefore(previous)) {
                    out.add(new FieldViolation(entryPath + ".at", "must not be before the previous entry"));
                }
                previous = entry.at() != null ? entry.at() : previous;
            }
        }
        return out;
    }

    private static void required(Object value, String field, List<FieldViolation> out) {
        if (value == null) {
            out.add(new FieldViolation(field, "is required"));
        }
    }

    private static void requiredText(String value, String field, List<FieldViolation> out) {
        if (value == null || value.isBlank()) {
            out.add(new FieldViolation(field, "is required"));
        }
    }

    /** The manifest hash: SHA-256 of the canonical encoding, 64 lower-case hex digits. */
    public String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalEncoding()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The bytes the hash is computed over (see the class comment). */
    public byte[] canonicalEncoding() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        field(out, FORMAT_TAG);
        field(out, requestId.toString());
        field(out, producedBy);
        field(out, formatTime(producedAt));
        field(out, Integer.toString(items.size()));
        for (EvidenceItem item : items) {
            field(out, item.description());
            field(out, item.mediaType());
            field(out, Long.toString(item.sizeBytes()));
            field(out, item.sha256());
            field(out, formatTime(item.acquiredAt()));
            field(out, item.acquisitionMethod());
            field(out, Integer.toString(item.custody().size()));
            for (CustodyEntry entry : item.custody()) {
                field(out, entry.handledBy());
                field(out, formatTime(entry.at()));
                field(out, entry.action().name());
                field(out, entry.note());
            }
        }
        return out.toByteArray();
    }

    /** An instant as the encoding writes it, e.g. {@code 2025-03-01T09:30:15.120Z}. */
    public static String formatTime(Instant instant) {
        return UTC_MILLIS.format(Objects.requireNonNull(instant, "instant"));
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
}
