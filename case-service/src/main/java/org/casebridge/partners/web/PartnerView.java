package org.casebridge.partners.web;

import io.micronaut.serde.annotation.Serdeable;
import org.casebridge.directory.PartnerAgency;

import java.util.List;

/**
 * A partner agency as the directory publishes it.
 *
 * @param publicKey      Ed25519 signature verification key: 32 raw bytes, standard base64
 * @param sharingCeiling the most restrictive handling marking the partner may receive, e.g. {@code AMBER_STRICT}
 * @param sharingCeilingLabel the same as TLP 2.0 writes it, e.g. {@code TLP:AMBER+STRICT}
 */
@Serdeable
public record PartnerView(String code, String name, String jurisdiction, String timeZone, List<String> languages,
                          Contact contact, String inboxTopic, String publicKey, String sharingCeiling,
                          String sharingCeilingLabel) {

    /** 24/7 point of contact. */
    @Serdeable
    public record Contact(String desk, String phone, String email) {
    }

    static PartnerView of(PartnerAgency agency) {
        return new PartnerView(agency.code(), agency.name(), agency.jurisdiction(), agency.timeZone().getId(),
                agency.languageTags(),
                new Contact(agency.contact().desk(), agency.contact().phone(), agency.contact().email()),
                agency.inboxTopic(), agency.publicKeyBase64(), agency.sharingCeiling().name(),
                agency.sharingCeiling().label());
    }
}
