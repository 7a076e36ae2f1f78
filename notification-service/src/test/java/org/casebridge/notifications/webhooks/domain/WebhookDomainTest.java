package org.casebridge.notifications.webhooks.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.HexFormat;
import org.casebridge.notifications.rules.domain.EventFacts;
import org.junit.jupiter.api.Test;

class WebhookDomainTest {

    private static final byte[] BODY = "{\"eventId\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignatureIsHmacSha256OverTimestampDotBody() throws Exception {
        String header = WebhookSignature.header("whsec_test", 1_732_608_000L, BODY);
        // Computed independently, as a receiver would.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("whsec_test".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(
                ("1732608000." + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        assertThat(header).isEqualTo("t=1732608000,v1=" + expected);
    }

    @Test
    void verificationRefusesOtherSecretsBodiesAndOldTimestamps() {
        String header = WebhookSignature.header("s3cret", 1000, BODY);
        assertThat(WebhookSignature.verify("s3cret", header, BODY, 1100, 300)).isTrue();
        assertThat(WebhookSignature.verify("other", header, BODY, 1100, 300)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", header, "{}".getBytes(StandardCharsets.UTF_8), 1100, 300)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", header, BODY, 1000 + 301, 300)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", "t=1000,v1=zz", BODY, 1000, 300)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", null, BODY, 1000, 300)).isFalse();
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofMinutes(5), 4);
        assertThat(schedule.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(schedule.delayAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(schedule.delayAfter(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(schedule.retriesAfter(3)).isTrue();
        assertThat(schedule.retriesAfter(4)).isFalse();
    }

    @Test
    void urlsMustBeAbsoluteHttpsWithoutCredentials() {
        assertThat(WebhookUrlRules.problem("https://hooks.example.org/casebridge", false)).isEmpty();
        assertThat(WebhookUrlRules.problem("http://hooks.example.org/", false)).contains("must use https");
        assertThat(WebhookUrlRules.problem("http://127.0.0.1:9000/hook", true)).isEmpty();
        assertThat(WebhookUrlRules.problem("ftp://hooks.example.org/", true)).isPresent();
        assertThat(WebhookUrlRules.problem("/relative", true)).isPresent();
        assertThat(WebhookUrlRules.problem("https://user:pw@hooks.example.org/", true)).isPresent();
        assertThat(WebhookUrlRules.problem("https://hooks.example.org/#frag", true)).isPresent();
        assertThat(WebhookUrlRules.problem("https://hooks.example.org/" + "a".repeat(2100), true)).isPresent();
        assertThat(WebhookUrlRules.problem(" ", true)).contains("is required");
    }

    @Test
    void payloadsFollowTheMarking() {
        assertThat(WebhookPayload.of(event("GREEN"), "https://c")).containsKeys("title", "summary", "counterpartAgency");
        assertThat(WebhookPayload.of(event("AMBER"), "https://c")).containsKeys("title", "caseReference")
                .doesNotContainKeys("summary", "counterpartAgency", "details");
        assertThat(WebhookPayload.of(event("RED"), "https://c")).doesNotContainKeys("title", "eventType",
                "caseReference", "subjectId", "summary").containsEntry("disclosure", "MINIMAL");
    }

    private static EventFacts event(String marking) {
        return new EventFacts(UUID.randomUUID(), "REQUEST_RECEIVED", Instant.now(), "NL-NHTC", "EVIDENCE_REQUEST",
                UUID.randomUUID(), "NL-2026-1", "DE-BKA", null, "Title", "Summary", marking, null, null,
                Map.of("k", "v"));
    }
}
