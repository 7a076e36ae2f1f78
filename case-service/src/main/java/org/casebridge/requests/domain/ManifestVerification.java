package org.casebridge.requests.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of checking a received manifest: against the hash declared (and signed) with it, and, when a
 * reference copy is at hand (the sender's own record, or an earlier delivery), field by field against that copy so
 * the report names the item and the field that changed.
 *
 * @param declaredHash  the hash the sender declared
 * @param computedHash  the hash of the manifest as received
 * @param discrepancies every difference found; empty when the manifest is intact
 */
public record ManifestVerification(String declaredHash, String computedHash, List<ManifestDiscrepancy> discrepancies) {

    public ManifestVerification {
        discrepancies = List.copyOf(discrepancies);
    }

    /** True when the received manifest matches its declared hash (and the reference copy, if one was compared). */
    public boolean isIntact() {
        return discrepancies.isEmpty();
    }

    /** Checks a received manifest against the hash declared with it. */
    public static ManifestVerification verify(EvidenceManifest received, String declaredHash) {
        String computed = received.hash();
        List<ManifestDiscrepancy> found = new ArrayList<>();
        if (!computed.equals(normalise(declaredHash))) {
            found.add(new ManifestDiscrepancy("hash", declaredHash, computed));
        }
        return new ManifestVerification(declaredHash, computed, found);
    }

    /**
     * Checks a received manifest against its declared hash and, field by field, against a reference copy: each
     * difference names the item and the field.
     */
    public static ManifestVerification compare(EvidenceManifest reference, EvidenceManifest received,
                                               String declaredHash) {
        ManifestVerification byHash = verify(received, declaredHash);
        List<ManifestDiscrepancy> found = new ArrayList<>(byHash.discrepancies());
        differ(found, "requestId", reference, received, m -> m.requestId().toString());
        differ(found, "producedBy", reference, received, EvidenceManifest::producedBy);
        differ(found, "producedAt", reference, received, m -> EvidenceManifest.formatTime(m.producedAt()));
        int common = Math.min(reference.items().size(), received.items().size());
        for (int i = 0; i < common; i++) {
            compareItem(found, "items[" + i + "]", reference.items().get(i), received.items().get(i));
        }
        for (int i = common; i < reference.items().size(); i++) {
            found.add(new ManifestDiscrepancy("items[" + i + "]", reference.items().get(i).sha256(), null));
        }
        for (int i = common; i < received.items().size(); i++) {
            found.add(new ManifestDiscrepancy("items[" + i + "]", null, received.items().get(i).sha256()));
        }
        return new ManifestVerification(declaredHash, byHash.computedHash(), found);
    }

    /**
     * Checks a file that arrived out of band against its manifest item.
     *
     * @param itemIndex which item the file is
     * @param sizeBytes the file's size as received
     * @param sha256    the file's SHA-256 as computed by the receiver
     */
    public static List<ManifestDiscrepancy> checkFile(EvidenceManifest manifest, int itemIndex, long sizeBytes,
                                                      String sha256) {
        EvidenceItem item = manifest.items().get(itemIndex);
        List<ManifestDiscrepancy> found = new ArrayList<>();
        String path = "items[" + itemIndex + "]";
        if (item.sizeBytes() != sizeBytes) {
            found.add(new ManifestDiscrepancy(path + ".sizeBytes", Long.toString(item.sizeBytes()),
                    Long.toString(sizeBytes)));
        }
        if (!item.sha256().equals(normalise(sha256))) {
            found.add(new ManifestDiscrepancy(path + ".sha256", item.sha256(), sha256));
        }
        return found;
    }

    private static void compareItem(List<ManifestDiscrepancy> found, String path, EvidenceItem expected,
                                    EvidenceItem actual) {
        differ(found, path + ".description", expected, actual, EvidenceItem::description);
        differ(found, path + ".mediaType", expected, actual, EvidenceItem::mediaType);
        differ(found, path + ".sizeBytes", expected, actual, item -> Long.toString(item.sizeBytes()));
        differ(found, path + ".sha256", expected, actual, EvidenceItem::sha256);
        differ(found, path + ".acquiredAt", expected, actual, item -> EvidenceManifest.formatTime(item.acquiredAt()));
        differ(found, path + ".acquisitionMethod", expected, actual, EvidenceItem::acquisitionMethod);
        int common = Math.min(expected.custody().size(), actual.custody().size());
        for (int j = 0; j < common; j++) {
            String entryPath = path + ".custody[" + j + "]";
            CustodyEntry expectedEntry = expected.custody().get(j);
            CustodyEntry actualEntry = actual.custody().get(j);
            differ(found, entryPath + ".handledBy", expectedEntry, actualEntry, CustodyEntry::handledBy);
            differ(found, entryPath + ".at", expectedEntry, actualEntry, e -> EvidenceManifest.formatTime(e.at()));
            differ(found, entryPath + ".action", expectedEntry, actualEntry, e -> e.action().name());
            differ(found, entryPath + ".note", expectedEntry, actualEntry, CustodyEntry::note);
        }
        if (expected.custody().size() != actual.custody().size()) {
            found.add(new ManifestDiscrepancy(path + ".custody", expected.custody().size() + " entries",
                    actual.custody().size() + " entries"));
        }
    }

    private static <T> void differ(List<ManifestDiscrepancy> found, String field, T expected, T actual,
                                   Function<T, String> value) {
        String expectedValue = value.apply(expected);
        String actualValue = value.apply(actual);
        if (!Objects.equals(expectedValue, actualValue)) {
            found.add(new ManifestDiscrepancy(field, expectedValue, actualValue));
        }
    }

    private static String normalise(String hex) {
        return hex == null ? null : hex.toLowerCase(Locale.ROOT);
    }
}
