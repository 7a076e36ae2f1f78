package org.casebridge.directory;

import org.casebridge.schema.KafkaTopics;
import java.security.PublicKey;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One agency of the federation as the partner directory publishes it.
 *
 * @param code            agency code, e.g. {@code DE-BKA}: uppercase letters, digits and hyphens
 * @param name            the agency's name
 * @param jurisdiction    ISO 3166-1 alpha-2 country ({@code DE}) or ISO 3166-2 subdivision ({@code US-CA})
 * @param timeZone        the IANA time zone the agency works in
 * @param languages       working languages, most preferred first
 * @param contact         24/7 point of contact
 * @param inboxTopic      {@code casebridge.inbox.<code>}
 * @param publicKey       the agency's Ed25519 signature verification key
 * @param publicKeyBase64 the same key as published: 32 raw bytes, standard base64
 * @param sharingCeiling  the most restrictive handling marking the agency may receive
 */
public record PartnerAgency(
        String code,
        String name,
        String jurisdiction,
        ZoneId timeZone,
        List<Locale> languages,
        EmergencyContact contact,
        String inboxTopic,
        PublicKey publicKey,
        String publicKeyBase64,
        HandlingMarking sharingCeiling) {

    public PartnerAgency {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(timeZone, "timeZone");
        languages = List.copyOf(languages);
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(inboxTopic, "inboxTopic");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(publicKeyBase64, "publicKeyBase64");
        Objects.requireNonNull(sharingCeiling, "sharingCeiling");
    }

    /** The ISO 3166-1 alpha-2 country of the jurisdiction ({@code US} for {@code US-CA}). */
    public String country() {
        int hyphen = jurisdiction.indexOf('-');
        return hyphen < 0 ? jurisdiction : jurisdiction.substring(0, hyphen);
    }

    /** True if the jurisdiction is a subdivision of a country (ISO 3166-2), not a whole country. */
    public boolean isSubNational() {
        return jurisdiction.indexOf('-') >= 0;
    }

    /** {@code casebridge.events.<code>}: the agency's own domain events. */
    public String eventsTopic() {
        return KafkaTopics.events(code);
    }

    /** True if content with this marking may be sent to the agency. */
    public boolean mayReceive(HandlingMarking marking) {
        return sharingCeiling.permits(marking);
    }

    /** The language tags, e.g. {@code [de, en]}. */
    public List<String> languageTags() {
        return languages.stream().map(Locale::toLanguageTag).toList();
    }
}
