package org.casebridge.requests.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The manifest hash is a published format: the expected hash below was computed from the documented encoding by an
 * independent implementation, so any change to field order, time format or null marker fails here.
 */
class EvidenceManifestTest {

    private static final String SHA_OF_TEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String SHA_OF_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    static EvidenceItem subscriberRecords() {
        return new EvidenceItem("Subscriber records for the account", "text/csv", 2048, SHA_OF_TEST,
                Instant.parse("2025-06-09T08:00:00Z"), "Provider export via secure portal", List.of(
                new CustodyEntry("j.devries@NL-NHTC", Instant.parse("2025-06-09T08:05:00Z"), CustodyAction.COLLECTED,
                        "exported by the provider"),
                new CustodyEntry("j.devries@NL-NHTC", Instant.parse("2025-06-09T09:00:00.500Z"), CustodyAction.STORED,
                        null)));
    }

    static EvidenceItem diskImage() {
        return new EvidenceItem("Disk image of the seized laptop — Überblick", "application/octet-stream",
                512_110_190_592L, SHA_OF_EMPTY.toUpperCase(), Instant.parse("2025-06-08T16:20:00Z"),
                "Write-blocked acquisition", List.of(new CustodyEntry("m.jansen@NL-NHTC",
                Instant.parse("2025-06-08T16:20:00Z"), CustodyAction.ACQUIRED, "write blocker")));
    }

    static EvidenceManifest manifest(List<EvidenceItem> items) {
        return new EvidenceManifest(UUID.fromString("3f2c7a9e-1b4d-4e8f-9a01-6c5d2e7f8b90"), "NL-NHTC",
                Instant.parse("2025-06-10T14:03:27.125999Z"), items);
    }

    static final EvidenceManifest MANIFEST = manifest(List.of(subscriberRecords(), diskImage()));
    static final String MANIFEST_HASH = "c7a09c68f456bf4c5d09f26d0794e0550077e794d11c94725cc28ca4029585f5";

    @Test
    void hashOfAFixedManifestIsStable() {
        assertThat(MANIFEST.hash()).isEqualTo(MANIFEST_HASH);
        assertThat(MANIFEST.canonicalEncoding()).hasSize(769);
    }

    @Test
    void hashIsTheSameForAnEqualManifestBuiltAgain() {
        assertThat(manifest(List.of(subscriberRecords(), diskImage())).hash()).isEqualTo(MANIFEST.hash());
    }

    @Test
    void itemOrderIsPartOfTheHash() {
        assertThat(manifest(List.of(diskImage(), subscriberRecords())).hash()).isNotEqualTo(MANIFEST_HASH);
    }

    @Test
    void timesAreKeptToTheMillisecondTheMessagesCarry() {
        assertThat(MANIFEST.producedAt()).isEqualTo(Instant.parse("2025-06-10T14:03:27.125Z"));
        assertThat(EvidenceManifest.formatTime(Instant.parse("2025-06-09T08:00:00Z")))
                .isEqualTo("2025-06-09T08:00:00.000Z");
    }

    @Test
    void hexIsKeptInLowerCase() {
        assertThat(MANIFEST.items().get(1).sha256()).isEqualTo(SHA_OF_EMPTY);
    }

    @Test
    void badFieldsAreRefusedAndNamed() {
        EvidenceItem bad = new EvidenceItem(" ", "pdf", 0, "abc", null, "", List.of(
                new CustodyEntry("a", Instant.parse("2025-06-09T08:00:00Z"), CustodyAction.COLLECTED, null),
                new CustodyEntry("", Instant.parse("2025-06-08T08:00:00Z"), null, null)));
        assertThatThrownBy(() -> manifest(List.of(subscriberRecords(), bad)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).violations()).extracting(FieldViolation::field)
                        .containsExactly("items[1].description", "items[1].mediaType", "items[1].sizeBytes",
                                "items[1].sha256", "items[1].acquiredAt", "items[1].acquisitionMethod",
                                "items[1].custody[1].handledBy", "items[1].custody[1].action",
                                "items[1].custody[1].at"));
    }

    @Test
    void aSha256OfTheWrongLengthOrAlphabetIsRefused() {
        for (String bad : List.of(SHA_OF_TEST.substring(1), SHA_OF_TEST + "0", "g" + SHA_OF_TEST.substring(1))) {
            EvidenceItem item = new EvidenceItem("d", "text/plain", 1, bad, Instant.EPOCH, "m",
                    List.of(new CustodyEntry("a", Instant.EPOCH, CustodyAction.COLLECTED, null)));
            assertThatThrownBy(() -> manifest(List.of(item))).as(bad).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("items[0].sha256");
        }
    }

    @Test
    void aManifestNeedsItemsAndCustody() {
        assertThatThrownBy(() -> manifest(List.of())).hasMessageContaining("items");
        EvidenceItem noCustody = new EvidenceItem("d", "text/plain", 1, SHA_OF_TEST, Instant.EPOCH, "m", List.of());
        assertThatThrownBy(() -> manifest(List.of(noCustody))).hasMessageContaining("items[0].custody");
    }

    @Test
    void anIntactManifestVerifies() {
        ManifestVerification verification = ManifestVerification.verify(MANIFEST, MANIFEST_HASH.toUpperCase());
        assertThat(verification.isIntact()).isTrue();
        assertThat(verification.computedHash()).isEqualTo(MANIFEST_HASH);
    }

    @Test
    void aTamperedManifestFailsItsDeclaredHash() {
        EvidenceItem swapped = new EvidenceItem(diskImage().description(), diskImage().mediaType(),
                diskImage().sizeBytes(), SHA_OF_TEST, diskImage().acquiredAt(), diskImage().acquisitionMethod(),
                diskImage().custody());
        ManifestVerification verification = ManifestVerification.verify(
                manifest(List.of(subscriberRecords(), swapped)), MANIFEST_HASH);
        assertThat(verification.isIntact()).isFalse();
        assertThat(verification.discrepancies()).extracting(ManifestDiscrepancy::field).containsExactly("hash");
    }

    @Test
    void comparingWithTheReferenceNamesTheTamperedItemAndField() {
        EvidenceItem original = diskImage();
        EvidenceItem tampered = new EvidenceItem(original.description(), original.mediaType(), original.sizeBytes(),
                SHA_OF_TEST, original.acquiredAt(), original.acquisitionMethod(), List.of(new CustodyEntry(
                "someone.else", original.custody().get(0).at(), CustodyAction.ACQUIRED, "write blocker")));
        ManifestVerification verification = ManifestVerification.compare(MANIFEST,
                manifest(List.of(subscriberRecords(), tampered)), MANIFEST_HASH);
        assertThat(verification.discrepancies()).extracting(ManifestDiscrepancy::field)
                .containsExactly("hash", "items[1].sha256", "items[1].custody[0].handledBy");
        assertThat(verification.discrepancies().get(1).expected()).isEqualTo(SHA_OF_EMPTY);
        assertThat(verification.discrepancies().get(1).actual()).isEqualTo(SHA_OF_TEST);
    }

    @Test
    void comparingNamesMissingItemsAndCustodyEntries() {
        EvidenceItem shortened = new EvidenceItem(subscriberRecords().description(), "text/csv", 2048, SHA_OF_TEST,
                subscriberRecords().acquiredAt(), subscriberRecords().acquisitionMethod(),
                subscriberRecords().custody().subList(0, 1));
        ManifestVerification verification = ManifestVerification.compare(MANIFEST, manifest(List.of(shortened)),
                MANIFEST_HASH);
        assertThat(verification.discrepancies()).extracting(ManifestDiscrepancy::field)
                .containsExactly("hash", "items[0].custody", "items[1]");
    }

    @Test
    void aFileReceivedOutOfBandIsCheckedAgainstItsItem() {
        assertThat(ManifestVerification.checkFile(MANIFEST, 0, 2048, SHA_OF_TEST.toUpperCase())).isEmpty();
        assertThat(ManifestVerification.checkFile(MANIFEST, 0, 2047, SHA_OF_EMPTY))
                .extracting(ManifestDiscrepancy::field).containsExactly("items[0].sizeBytes", "items[0].sha256");
    }
}
