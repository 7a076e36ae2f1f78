package org.casebridge.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casebridge.directory.DirectoryValidationException.Problem;
import org.casebridge.schema.KafkaTopics;
import org.casebridge.schema.crypto.Ed25519Keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a partner directory document.
 *
 * <p>The document is JSON: {@code {"version": "...", "publishedAt": "<ISO-8601 instant>", "agencies": [...]}}. The
 * shipped version is the classpath resource {@value #DEFAULT_RESOURCE}; operators publish new versions (for
 * instance to rotate a key) as files and point nodes at them with the system property {@value #PATH_PROPERTY} or
 * the environment variable {@value #PATH_ENVIRONMENT_VARIABLE}.
 *
 * <p>A directory is refused as a whole if any entry is wrong: a node must never verify messages against a
 * half-understood directory. All problems are collected before refusing. Fields the loader does not know are
 * ignored, so a newer directory can still be read by an older node.
 */
public final class DirectoryLoader {

    /** Classpath location of the directory shipped with CaseBridge. */
    public static final String DEFAULT_RESOURCE = "org/casebridge/directory/partner-directory.json";
    /** System property naming a directory file to use instead of the shipped one. */
    public static final String PATH_PROPERTY = "casebridge.directory.path";
    /** Environment variable naming a directory file, read when the system property is not set. */
    public static final String PATH_ENVIRONMENT_VARIABLE = "CASEBRIDGE_DIRECTORY_PATH";

    private static final Pattern AGENCY_CODE = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");
    private static final int MAX_CODE_LENGTH = 64;
    // ISO 3166-2: the alpha-2 country, a hyphen and one to three letters or digits.
    private static final Pattern JURISDICTION = Pattern.compile("([A-Z]{2})(-[A-Z0-9]{1,3})?");
    private static final Pattern PHONE = Pattern.compile("\\+[0-9][0-9 ]{5,24}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final ObjectMapper mapper = new ObjectMapper();

    /** The configured directory: the file named by {@value #PATH_PROPERTY} or its environment variable, else the shipped one. */
    public PartnerDirectory loadConfigured() {
        String path = System.getProperty(PATH_PROPERTY);
        if (path == null || path.isBlank()) {
            path = System.getenv(PATH_ENVIRONMENT_VARIABLE);
        }
        return path == null || path.isBlank() ? loadDefault() : load(Path.of(path));
    }

    /** The directory shipped on the classpath. */
    public PartnerDirectory loadDefault() {
        InputStream in = DirectoryLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("classpath resource " + DEFAULT_RESOURCE + " is missing");
        }
        return load(in, "classpath:" + DEFAULT_RESOURCE);
    }

    /** A directory file published by the operators. */
    public PartnerDirectory load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read partner directory " + file, e);
        }
    }

    /** Reads and closes the stream. */
    public PartnerDirectory load(InputStream in, String source) {
        try (in) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read partner directory " + source, e);
        }
    }

    /**
     * Parses and validates a directory document.
     *
     * @param source where the text came from, for messages
     * @throws DirectoryValidationException listing every problem, if the document is not a valid directory
     */
    public PartnerDirectory parse(String json, String source) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new DirectoryValidationException(source,
                    List.of(Problem.document("(document)", "not valid JSON: " + e.getOriginalMessage())));
        }
        List<Problem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new DirectoryValidationException(source, List.of(Problem.document("(document)", "must be a JSON object")));
        }
        String version = text(root, "version");
        if (version == null) {
            problems.add(Problem.document("version", "is required"));
        }
        Instant publishedAt = null;
        String publishedText = text(root, "publishedAt");
        if (publishedText == null) {
            problems.add(Problem.document("publishedAt", "is required (an ISO-8601 instant)"));
        } else {
            try {
                publishedAt = Instant.parse(publishedText);
            } catch (DateTimeParseException e) {
                problems.add(Problem.document("publishedAt", "'" + publishedText + "' is not an ISO-8601 instant"));
            }
        }
        JsonNode entries = root.get("agencies");
        List<PartnerAgency> agencies = new ArrayList<>();
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            problems.add(Problem.document("agencies", "is required (a non-empty array)"));
        } else {
            Map<String, Integer> firstIndexOfCode = new HashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                PartnerAgency agency = readAgency(i, entries.get(i), firstIndexOfCode, problems);
                if (agency != null) {
                    agencies.add(agency);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new DirectoryValidationException(source, problems);
        }
        return new PartnerDirectory(version, publishedAt, agencies);
    }

    /** Validates one entry; returns null (having added problems) if it is not valid. */
    private PartnerAgency readAgency(int index, JsonNode node, Map<String, Integer> firstIndexOfCode,
                                     List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(new Problem(index, null, "(entry)", "must be a JSON object"));
            return null;
        }
        int problemsBefore = problems.size();
        String code = text(node, "code");
        EntryProblems report = new EntryProblems(index, code, problems);

        if (code == null) {
            report.missing(node, "code", "");
        } else if (!AGENCY_CODE.matcher(code).matches() || code.length() > MAX_CODE_LENGTH) {
            report.add("code", "'" + code + "' must be uppercase letters and digits separated by single hyphens, "
                    + "at most " + MAX_CODE_LENGTH + " characters");
        } else {
            Integer first = firstIndexOfCode.putIfAbsent(code, index);
            if (first != null) {
                report.add("code", "duplicate: '" + code + "' is already used by agencies[" + first + "]");
            }
        }

        String name = text(node, "name");
        if (name == null) {
            report.missing(node, "name", "");
        }

        String jurisdiction = text(node, "jurisdiction");
        if (jurisdiction == null) {
            report.missing(node, "jurisdiction", " (ISO 3166-1 alpha-2 or ISO 3166-2)");
        } else {
            var matcher = JURISDICTION.matcher(jurisdiction);
            if (!matcher.matches()) {
                report.add("jurisdiction", "'" + jurisdiction + "' is neither an ISO 3166-1 alpha-2 country "
                        + "nor an ISO 3166-2 subdivision (CC-XXX)");
            } else if (!COUNTRIES.contains(matcher.group(1))) {
                report.add("jurisdiction", "unknown country code '" + matcher.group(1) + "' (ISO 3166-1 alpha-2)");
            }
        }

        ZoneId timeZone = null;
        String zoneText = text(node, "timeZone");
        if (zoneText == null) {
            report.missing(node, "timeZone", " (an IANA time zone)");
        } else if (!ZoneId.getAvailableZoneIds().contains(zoneText)) {
            // Offsets like "+01:00" parse as ZoneIds but are not IANA zones: they ignore daylight saving time.
            report.add("timeZone", "'" + zoneText + "' is not an IANA time zone");
        } else {
            timeZone = ZoneId.of(zoneText);
        }

        List<Locale> languages = readLanguages(node.get("languages"), report);

        EmergencyContact contact = readContact(node.get("contact"), report);

        String inboxTopic = text(node, "inboxTopic");
        if (inboxTopic == null) {
            report.missing(node, "inboxTopic", "");
        } else if (code != null && !inboxTopic.equals((KafkaTopics.INBOX_PREFIX + code))) {
            report.add("inboxTopic", "'" + inboxTopic + "' must be '" + (KafkaTopics.INBOX_PREFIX + code) + "'");
        }

        PublicKey publicKey = null;
        String keyText = text(node, "publicKey");
        if (keyText == null) {
            report.missing(node, "publicKey", " (32 raw Ed25519 bytes, base64)");
        } else {
            publicKey = readPublicKey(keyText, report);
        }

        HandlingMarking ceiling = null;
        String ceilingText = text(node, "sharingCeiling");
        if (ceilingText == null) {
            report.missing(node, "sharingCeiling", " (CLEAR, GREEN, AMBER, AMBER_STRICT or RED)");
        } else {
            ceiling = HandlingMarking.parse(ceilingText).orElse(null);
            if (ceiling == null) {
                report.add("sharingCeiling", "unknown handling marking '" + ceilingText
                        + "' (one of CLEAR, GREEN, AMBER, AMBER_STRICT, RED)");
            }
        }

        if (problems.size() > problemsBefore) {
            return null;
        }
        return new PartnerAgency(code, name, jurisdiction, timeZone, languages, contact, inboxTopic, publicKey,
                keyText, ceiling);
    }

    private static List<Locale> readLanguages(JsonNode node, EntryProblems report) {
        if (node == null || node.isNull()) {
            report.add("languages", "is required (a non-empty array of BCP 47 tags)");
            return List.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            report.add("languages", "must be a non-empty array of BCP 47 tags");
            return List.of();
        }
        List<Locale> languages = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            String field = "languages[" + i + "]";
            if (!element.isTextual() || element.asText().isBlank()) {
                report.add(field, "must be a BCP 47 language tag");
                continue;
            }
            try {
                Locale locale = new Locale.Builder().setLanguageTag(element.asText()).build();
                if (locale.getLanguage().isEmpty()) {
                    report.add(field, "'" + element.asText() + "' has no language subtag");
                } else {
                    languages.add(locale);
                }
            } catch (IllformedLocaleException e) {
                report.add(field, "'" + element.asText() + "' is not a well-formed BCP 47 language tag");
            }
        }
        return languages;
    }

    private static EmergencyContact readContact(JsonNode node, EntryProblems report) {
        if (node == null || node.isNull()) {
            report.add("contact", "is required (desk, phone, email)");
            return null;
        }
        if (!node.isObject()) {
            report.add("contact", "must be an object with desk, phone and email");
            return null;
        }
        String desk = text(node, "desk");
        String phone = text(node, "phone");
        String email = text(node, "email");
        boolean valid = true;
        if (desk == null) {
            report.missing(node, "desk", "contact.desk", "");
            valid = false;
        }
        if (phone == null) {
            report.missing(node, "phone", "contact.phone", "");
            valid = false;
        } else if (!PHONE.matcher(phone).matches()) {
            report.add("contact.phone", "'" + phone + "' must be in international format (+ and digits)");
            valid = false;
        }
        if (email == null) {
            report.missing(node, "email", "contact.email", "");
            valid = false;
        } else if (!EMAIL.matcher(email).matches()) {
            report.add("contact.email", "'" + email + "' is not an e-mail address");
            valid = false;
        }
        return valid ? new EmergencyContact(desk, phone, email) : null;
    }

    private static PublicKey readPublicKey(String text, EntryProblems report) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            report.add("publicKey", "is not standard base64: " + e.getMessage());
            return null;
        }
        if (raw.length != Ed25519Keys.RAW_KEY_LENGTH) {
            report.add("publicKey", "must be " + Ed25519Keys.RAW_KEY_LENGTH + " raw Ed25519 bytes, got " + raw.length);
            return null;
        }
        try {
            return Ed25519Keys.publicKeyFromRaw(raw);
        } catch (IllegalArgumentException e) {
            report.add("publicKey", "is not an Ed25519 public key: " + e.getMessage());
            return null;
        }
    }

    /** A non-blank string field, or null if absent, null, blank or not a string. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            return null;
        }
        return value.asText();
    }

    /** Collects problems of one entry, each tagged with its index and code. */
    private record EntryProblems(int index, String code, List<Problem> problems) {
        void add(String field, String message) {
            problems.add(new Problem(index, code, field, message));
        }

        /** Reports a field that {@link #text} did not find: absent, or present but not a non-empty string. */
        void missing(JsonNode node, String field, String hint) {
            missing(node, field, field, hint);
        }

        void missing(JsonNode node, String jsonField, String reportedField, String hint) {
            JsonNode value = node.get(jsonField);
            add(reportedField, value == null || value.isNull() ? "is required" + hint
                    : "must be a non-empty string" + hint);
        }
    }
}
