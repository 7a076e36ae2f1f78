package org.casebridge.notifications.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MailComposerTest {

    private final MailComposer composer = new MailComposer("NL-NHTC", "https://console.example");

    @Test
    void greenMailsCarryTheWholeNotificationAndALink() {
        NotificationContent content = content("GREEN", "Case <b>shared</b>");
        MailMessage mail = composer.single("Ana de Vries", content);
        assertThat(mail.subject()).isEqualTo("[CaseBridge NL-NHTC] Case <b>shared</b>");
        assertThat(mail.text()).contains("Hello Ana de Vries", "Secret summary", "Case: NL-2026-7", "Partner: DE-BKA",
                "https://console.example/notifications/" + content.id());
        assertThat(mail.html()).contains("Case &lt;b&gt;shared&lt;/b&gt;")
                .doesNotContain("<b>shared</b>")
                .contains("<a href=\"https://console.example/notifications/" + content.id() + "\">");
    }

    @Test
    void amberMailsLeaveOutSummaryAndPartner() {
        MailMessage mail = composer.single("Ana", content("AMBER", "Request decided"));
        assertThat(mail.text()).contains("Request decided", "Case: NL-2026-7")
                .doesNotContain("Secret summary", "DE-BKA");
    }

    @Test
    void strictAndRedMailsSayOnlyThatThereIsSomethingToRead() {
        for (String marking : List.of("AMBER+STRICT", "RED", "SOMETHING-NEW")) {
            MailMessage mail = composer.single("Ana", content(marking, "Operation Nightfall"));
            String all = mail.subject() + mail.text() + mail.html();
            assertThat(all).doesNotContain("Operation Nightfall", "Secret summary", "NL-2026-7", "DE-BKA")
                    .contains("open the console");
        }
    }

    @Test
    void theDigestListsEveryNotificationWithItsLink() {
        NotificationContent first = content("GREEN", "First");
        NotificationContent second = content("RED", "Second secret");
        MailMessage mail = composer.digest("Ana", List.of(first, second));
        assertThat(mail.subject()).contains("2 notifications");
        assertThat(mail.text()).contains("First", "/notifications/" + first.id(), "/notifications/" + second.id())
                .doesNotContain("Second secret");
    }

    @Test
    void markingsMapToDisclosure() {
        assertThat(Disclosure.forMarking("CLEAR")).isEqualTo(Disclosure.FULL);
        assertThat(Disclosure.forMarking("GREEN")).isEqualTo(Disclosure.FULL);
        assertThat(Disclosure.forMarking("AMBER")).isEqualTo(Disclosure.LIMITED);
        assertThat(Disclosure.forMarking("AMBER+STRICT")).isEqualTo(Disclosure.MINIMAL);
        assertThat(Disclosure.forMarking("AMBER_STRICT")).isEqualTo(Disclosure.MINIMAL);
        assertThat(Disclosure.forMarking("RED")).isEqualTo(Disclosure.MINIMAL);
        assertThat(Disclosure.forMarking(null)).isEqualTo(Disclosure.MINIMAL);
    }

    private static NotificationContent content(String marking, String title) {
        UUID id = UUID.randomUUID();
        return new NotificationContent(id, "CASE_SHARED_WITH_US", title, "Secret summary", "NL-2026-7", "DE-BKA",
                Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-11-26T08:00:00Z"), marking,
                "https://console.example/notifications/" + id);
    }
}
