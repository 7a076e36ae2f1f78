package org.casebridge.requests.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * One piece of evidence in a manifest. The file itself travels out of band; its size and SHA-256 let the receiver
 * check it. Values are taken as given and checked when the manifest is built, so every bad field can be named.
 *
 * @param description       what it is
 * @param mediaType         its media type, e.g. {@code application/pdf}
 * @param sizeBytes         its size in bytes, more than zero
 * @param sha256            SHA-256 of the file, 64 hex digits (kept in lower case)
 * @param acquiredAt        when it was acquired (UTC, to the millisecond)
 * @param acquisitionMethod how it was acquired, e.g. the tool and procedure
 * @param custody           its chain of custody, oldest first
 */
public record EvidenceItem(String description, String mediaType, long sizeBytes, String sha256, Instant acquiredAt,
                           String acquisitionMethod, List<CustodyEntry> custody) {

    public EvidenceItem {
        sha256 = sha256 == null ? null : sha256.toLowerCase(Locale.ROOT);
        acquiredAt = acquiredAt == null ? null : acquiredAt.truncatedTo(ChronoUnit.MILLIS);
        custody = custody == null ? List.of() : List.copyOf(custody);
    }
}
