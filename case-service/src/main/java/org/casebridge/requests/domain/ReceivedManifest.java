package org.casebridge.requests.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One delivery of evidence as a node records it: the manifest, the hash it computed when recording it, how it
 * verified and the custody entries this node added.
 *
 * @param id                the manifest id from the producer
 * @param complete          false for a partial delivery
 * @param manifest          the manifest (items, custody as declared)
 * @param evidenceIds       the producer's id of each item, in item order
 * @param requestItemIds    the request item each one answers, in item order; null entries where not said
 * @param recordedAt        when this node recorded it
 * @param hash              the manifest hash computed when it was recorded
 * @param discrepancies     what failed verification; empty when intact
 * @param deliveryChannel   how the files travel; null if not said
 * @param deliveryReference where to fetch them; null if not said
 * @param note              the producer's note; null if none
 * @param messageId         the message that carried it
 * @param localCustody      custody entries this node added, per item index
 */
public record ReceivedManifest(UUID id, boolean complete, EvidenceManifest manifest, List<UUID> evidenceIds,
                               List<UUID> requestItemIds, Instant recordedAt, String hash,
                               List<ManifestDiscrepancy> discrepancies, String deliveryChannel,
                               String deliveryReference, String note, UUID messageId,
                               Map<Integer, List<CustodyEntry>> localCustody) {

    public ReceivedManifest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(hash, "hash");
        evidenceIds = List.copyOf(evidenceIds);
        requestItemIds = requestItemIds.stream().toList();
        discrepancies = List.copyOf(discrepancies);
        localCustody = Map.copyOf(localCustody);
    }

    public boolean intact() {
        return discrepancies.isEmpty();
    }

    /**
     * Checks a new delivery against the ones before: an item delivered again under the same evidence id must have
     * the same size and SHA-256, or the evidence changed between deliveries.
     */
    public static List<ManifestDiscrepancy> compareWithEarlier(EvidenceManifest received, List<UUID> evidenceIds,
                                                               List<ReceivedManifest> earlier) {
        List<ManifestDiscrepancy> found = new java.util.ArrayList<>();
        for (int i = 0; i < evidenceIds.size(); i++) {
            EvidenceItem item = received.items().get(i);
            for (ReceivedManifest before : earlier) {
                int index = before.evidenceIds().indexOf(evidenceIds.get(i));
                if (index < 0) {
                    continue;
                }
                EvidenceItem previous = before.manifest().items().get(index);
                if (!previous.sha256().equals(item.sha256())) {
                    found.add(new ManifestDiscrepancy("items[" + i + "].sha256", previous.sha256(), item.sha256()));
                }
                if (previous.sizeBytes() != item.sizeBytes()) {
                    found.add(new ManifestDiscrepancy("items[" + i + "].sizeBytes",
                            Long.toString(previous.sizeBytes()), Long.toString(item.sizeBytes())));
                }
            }
        }
        return found;
    }

    /** Checks the manifest as stored now against the hash computed when it was recorded. */
    public ManifestVerification verifyStored() {
        return ManifestVerification.verify(manifest, hash);
    }
}
