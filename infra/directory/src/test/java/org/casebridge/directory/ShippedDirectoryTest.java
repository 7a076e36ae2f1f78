package org.casebridge.directory;

import org.casebridge.schema.KafkaTopics;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShippedDirectoryTest {

    private final PartnerDirectory directory = new DirectoryLoader().loadDefault();

    @Test
    void listsAtLeast64AgenciesAcrossAtLeast60Countries() {
        assertThat(directory.size()).isGreaterThanOrEqualTo(64);
        assertThat(directory.countries()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(directory.version()).isNotBlank();
    }

    @Test
    void coversEveryContinentAndSubNationalJurisdictions() {
        assertThat(directory.agencies()).extracting(a -> a.timeZone().getId().substring(0, a.timeZone().getId().indexOf('/')))
                .contains("Europe", "America", "Asia", "Africa", "Australia", "Pacific");
        assertThat(directory.agencies()).filteredOn(PartnerAgency::isSubNational)
                .extracting(PartnerAgency::jurisdiction)
                .contains("US-CA", "GB-SCT", "DE-BY", "ES-CT");
    }

    @Test
    void holdsTheThreeDemoNodeAgencies() {
        PartnerAgency bka = directory.require("DE-BKA");
        assertThat(bka.name()).isEqualTo("Bundeskriminalamt");
        assertThat(bka.jurisdiction()).isEqualTo("DE");
        assertThat(bka.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(bka.sharingCeiling()).isEqualTo(HandlingMarking.RED);
        assertThat(bka.inboxTopic()).isEqualTo("casebridge.inbox.DE-BKA");
        assertThat(bka.eventsTopic()).isEqualTo("casebridge.events.DE-BKA");
        assertThat(bka.languages()).contains(Locale.GERMAN);

        PartnerAgency nhtc = directory.require("NL-NHTC");
        assertThat(nhtc.jurisdiction()).isEqualTo("NL");
        assertThat(nhtc.timeZone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
        assertThat(nhtc.sharingCeiling()).isEqualTo(HandlingMarking.RED);

        PartnerAgency ofac = directory.require("FR-OFAC");
        assertThat(ofac.jurisdiction()).isEqualTo("FR");
        assertThat(ofac.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(ofac.sharingCeiling()).isEqualTo(HandlingMarking.AMBER_STRICT);
        assertThat(ofac.mayReceive(HandlingMarking.AMBER_STRICT)).isTrue();
        assertThat(ofac.mayReceive(HandlingMarking.RED)).isFalse();
    }

    @Test
    void hasVariedSharingCeilings() {
        assertThat(directory.agencies()).extracting(PartnerAgency::sharingCeiling)
                .contains(HandlingMarking.values());
    }

    @Test
    void everyAgencyHasAnEd25519KeyAndItsOwnInbox() {
        assertThat(directory.agencies()).allSatisfy(agency -> {
            assertThat(agency.publicKey().getAlgorithm()).isIn("Ed25519", "EdDSA");
            assertThat(agency.inboxTopic()).isEqualTo(KafkaTopics.inbox(agency.code()));
            assertThat(agency.contact().email()).contains("@");
        });
        assertThat(directory.agencies()).extracting(PartnerAgency::publicKeyBase64).doesNotHaveDuplicates();
    }

    @Test
    void findAndRequire() {
        assertThat(directory.find("US-FBI")).isPresent();
        assertThat(directory.find("XX-NONE")).isEmpty();
        assertThatThrownBy(() -> directory.require("XX-NONE"))
                .isInstanceOf(java.util.NoSuchElementException.class)
                .hasMessageContaining("XX-NONE");
    }
}
