package org.casebridge.directory;

import org.casebridge.schema.KafkaTopics;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.casebridge.directory.DirectoryValidationException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A bad entry is refused with a problem naming its index, its code and the field. */
class DirectoryValidationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    // A valid raw key (32 bytes) that is not used elsewhere in these documents.
    private static final String VALID_KEY = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";

    /** A valid three-entry document; entry 1 ({@code NL-TEST}) is the one each case breaks. */
    private static ObjectNode validDocument() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", "test-1");
        root.put("publishedAt", "2026-11-01T00:00:00Z");
        ArrayNode agencies = root.putArray("agencies");
        agencies.add(entry("DE-TEST", "DE", "Europe/Berlin"));
        agencies.add(entry("NL-TEST", "NL", "Europe/Amsterdam"));
        agencies.add(entry("US-CA-TEST", "US-CA", "America/Los_Angeles"));
        return root;
    }

    private static ObjectNode entry(String code, String jurisdiction, String zone) {
        ObjectNode entry = MAPPER.createObjectNode();
        entry.put("code", code);
        entry.put("name", "Test agency " + code);
        entry.put("jurisdiction", jurisdiction);
        entry.put("timeZone", zone);
        entry.putArray("languages").add("en").add("de-CH");
        ObjectNode contact = entry.putObject("contact");
        contact.put("desk", "24/7 desk");
        contact.put("phone", "+49 30 1234567");
        contact.put("email", "desk@" + code.toLowerCase() + ".example");
        entry.put("inboxTopic", KafkaTopics.inbox(code));
        entry.put("publicKey", VALID_KEY);
        entry.put("sharingCeiling", "AMBER");
        return entry;
    }

    private static Arguments badEntry(String what, String field, String messageFragment, Consumer<ObjectNode> breakIt) {
        return Arguments.of(what, field, messageFragment, breakIt);
    }

    static Stream<Arguments> badEntries() {
        return Stream.of(
                badEntry("duplicate code", "code", "duplicate", e -> {
                    e.put("code", "DE-TEST");
                    e.put("inboxTopic", KafkaTopics.inbox("DE-TEST"));
                }),
                badEntry("lowercase code", "code", "uppercase", e -> {
                    e.put("code", "nl-test");
                    e.put("inboxTopic", KafkaTopics.INBOX_PREFIX + "nl-test");
                }),
                badEntry("missing code", "code", "required", e -> e.remove("code")),
                badEntry("missing name", "name", "required", e -> e.remove("name")),
                badEntry("name not a string", "name", "must be a non-empty string", e -> e.put("name", 42)),
                badEntry("blank e-mail", "contact.email", "must be a non-empty string",
                        e -> ((ObjectNode) e.get("contact")).put("email", " ")),
                badEntry("unknown country", "jurisdiction", "unknown country code 'XQ'", e -> e.put("jurisdiction", "XQ")),
                badEntry("unknown country of subdivision", "jurisdiction", "unknown country code 'QQ'",
                        e -> e.put("jurisdiction", "QQ-AB")),
                badEntry("malformed subdivision", "jurisdiction", "ISO 3166-2", e -> e.put("jurisdiction", "US-CALI")),
                badEntry("alpha-3 country", "jurisdiction", "ISO 3166-1", e -> e.put("jurisdiction", "NLD")),
                badEntry("invalid time zone", "timeZone", "not an IANA time zone", e -> e.put("timeZone", "Europe/Atlantis")),
                badEntry("offset instead of zone", "timeZone", "not an IANA time zone", e -> e.put("timeZone", "+01:00")),
                badEntry("missing time zone", "timeZone", "required", e -> e.remove("timeZone")),
                badEntry("key not base64", "publicKey", "base64", e -> e.put("publicKey", "not*base64!")),
                badEntry("key of wrong length", "publicKey", "got 16", e -> e.put("publicKey", "AAAAAAAAAAAAAAAAAAAAAA==")),
                badEntry("missing key", "publicKey", "required", e -> e.remove("publicKey")),
                badEntry("invalid language tag", "languages[1]", "BCP 47", e -> e.putArray("languages").add("en").add("en_GB!")),
                badEntry("no languages", "languages", "non-empty", e -> e.putArray("languages")),
                badEntry("missing languages", "languages", "required", e -> e.remove("languages")),
                badEntry("inbox of another agency", "inboxTopic", "must be 'casebridge.inbox.NL-TEST'",
                        e -> e.put("inboxTopic", "casebridge.inbox.DE-TEST")),
                badEntry("missing inbox", "inboxTopic", "required", e -> e.remove("inboxTopic")),
                badEntry("unknown ceiling", "sharingCeiling", "unknown handling marking 'WHITE'",
                        e -> e.put("sharingCeiling", "WHITE")),
                badEntry("missing ceiling", "sharingCeiling", "required", e -> e.remove("sharingCeiling")),
                badEntry("missing contact", "contact", "required", e -> e.remove("contact")),
                badEntry("contact without phone", "contact.phone", "required", e -> ((ObjectNode) e.get("contact")).remove("phone")),
                badEntry("bad e-mail", "contact.email", "not an e-mail address",
                        e -> ((ObjectNode) e.get("contact")).put("email", "nobody")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEntries")
    void refusesABadEntryNamingIndexCodeAndField(String what, String field, String messageFragment,
                                                  Consumer<ObjectNode> breakIt) {
        ObjectNode document = validDocument();
        ObjectNode victim = (ObjectNode) document.get("agencies").get(1);
        breakIt.accept(victim);
        String code = victim.hasNonNull("code") ? victim.get("code").asText() : null;

        DirectoryValidationException e = catchThrowableOfType(DirectoryValidationException.class,
                () -> new DirectoryLoader().parse(document.toString(), "test-document"));

        assertThat(e).as(what).isNotNull();
        assertThat(e.problems()).as(what).hasSize(1);
        Problem problem = e.problems().get(0);
        assertThat(problem.index()).isEqualTo(1);
        assertThat(problem.code()).isEqualTo(code);
        assertThat(problem.field()).isEqualTo(field);
        assertThat(problem.message()).contains(messageFragment);
        assertThat(e.getMessage()).contains("test-document", "agencies[1]", "'" + field + "'", messageFragment);
        if (code != null) {
            assertThat(e.getMessage()).contains("(" + code + ")");
        }
    }

    @Test
    void acceptsTheValidDocument() {
        PartnerDirectory directory = new DirectoryLoader().parse(validDocument().toString(), "test-document");
        assertThat(directory.codes()).containsExactly("DE-TEST", "NL-TEST", "US-CA-TEST");
        assertThat(directory.require("US-CA-TEST").country()).isEqualTo("US");
        assertThat(directory.require("NL-TEST").languageTags()).containsExactly("en", "de-CH");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        ObjectNode document = validDocument();
        ((ObjectNode) document.get("agencies").get(0)).put("timeZone", "Mars/Olympus_Mons");
        ((ObjectNode) document.get("agencies").get(2)).put("sharingCeiling", "PURPLE");
        ((ObjectNode) document.get("agencies").get(2)).put("publicKey", "AAAA");
        document.remove("version");

        assertThatThrownBy(() -> new DirectoryLoader().parse(document.toString(), "test-document"))
                .isInstanceOfSatisfying(DirectoryValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.index() + " " + p.code() + " " + p.field())
                        .containsExactly("-1 null version", "0 DE-TEST timeZone",
                                "2 US-CA-TEST publicKey", "2 US-CA-TEST sharingCeiling"));
    }

    @Test
    void refusesDocumentsThatAreNotDirectories() {
        assertThatThrownBy(() -> new DirectoryLoader().parse("{\"version\": ", "broken"))
                .isInstanceOf(DirectoryValidationException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> new DirectoryLoader().parse("{\"version\": \"1\", \"publishedAt\": \"yesterday\"}", "empty"))
                .isInstanceOfSatisfying(DirectoryValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("publishedAt", "agencies"));
    }

    @Test
    void loadsAPublishedFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        ObjectNode document = validDocument();
        document.put("version", "test-2");
        Path file = dir.resolve("partner-directory.json");
        Files.writeString(file, document.toString());

        assertThat(new DirectoryLoader().load(file).version()).isEqualTo("test-2");

        System.setProperty(DirectoryLoader.PATH_PROPERTY, file.toString());
        try {
            assertThat(new DirectoryLoader().loadConfigured().version()).isEqualTo("test-2");
        } finally {
            System.clearProperty(DirectoryLoader.PATH_PROPERTY);
        }
    }
}
