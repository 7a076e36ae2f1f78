package org.casebridge.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every console text exists in every language, and every fixed message key a page uses exists. */
class ConsoleMessagesTest {

    private static final Pattern FIXED_KEY = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9.]*)[}(]");

    @Test
    void germanAndFrenchHaveExactlyTheEnglishKeys() throws IOException {
        Set<String> english = keys("messages");
        assertThat(english).hasSizeGreaterThan(200);
        assertThat(keys("messages_de")).isEqualTo(english);
        assertThat(keys("messages_fr")).isEqualTo(english);
    }

    @Test
    void everyFixedKeyInTheTemplatesExists() throws IOException {
        Set<String> english = keys("messages");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/views"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher matcher = FIXED_KEY.matcher(Files.readString(template));
                while (matcher.find()) {
                    if (!english.contains(matcher.group(1))) {
                        missing.add(template.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyValueShownByNameHasAText() throws IOException {
        Set<String> english = keys("messages");
        Map<String, Class<? extends Enum<?>>> shown = Map.ofEntries(
                Map.entry("status.", org.casebridge.cases.domain.CaseStatus.class),
                Map.entry("priority.", org.casebridge.cases.domain.CasePriority.class),
                Map.entry("share.", org.casebridge.cases.domain.ShareStatus.class),
                Map.entry("contribution.", org.casebridge.cases.domain.ContributionKind.class),
                Map.entry("delivery.", org.casebridge.exchange.domain.DeliveryStatus.class),
                Map.entry("sort.", org.casebridge.cases.persistence.CaseQuery.CaseSort.class),
                Map.entry("role.", org.casebridge.security.domain.Role.class),
                Map.entry("rstatus.", org.casebridge.requests.domain.RequestStatus.class),
                Map.entry("rtype.", org.casebridge.requests.domain.RequestType.class),
                Map.entry("urgency.", org.casebridge.requests.domain.Urgency.class),
                Map.entry("milestone.", org.casebridge.requests.domain.Milestone.class),
                Map.entry("access.", org.casebridge.requests.domain.DataAccessibility.class),
                Map.entry("itype.", org.casebridge.requests.domain.IdentifierType.class),
                Map.entry("ground.", org.casebridge.requests.domain.RefusalGround.class),
                Map.entry("jstatus.", org.casebridge.jointactions.domain.JointActionStatus.class),
                Map.entry("readiness.", org.casebridge.jointactions.domain.Readiness.class),
                Map.entry("answer.", org.casebridge.jointactions.domain.ParticipationAnswer.class),
                Map.entry("role.joint.", org.casebridge.jointactions.domain.ParticipantRole.class));
        Set<String> missing = new TreeSet<>();
        shown.forEach((prefix, type) -> {
            for (Enum<?> value : type.getEnumConstants()) {
                if (!english.contains(prefix + value.name())) {
                    missing.add(prefix + value.name());
                }
            }
        });
        assertThat(missing).isEmpty();
    }

    private static Set<String> keys(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ConsoleMessagesTest.class.getResourceAsStream("/i18n/" + bundle + ".properties")) {
            assertThat(in).as(bundle).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
