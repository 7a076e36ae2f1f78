package org.casebridge.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The canonical encoding is a published format: these hashes were computed from the documented format by an
 * independent implementation, so any change to the encoding (field order, time format, null marker) fails here.
 */
class AuditChainTest {

    private static final AuditEntry SHARED_CASE = new AuditEntry(42, Instant.parse("2025-03-01T09:30:15.123456Z"),
            "k.weber", "DE-BKA", "LIAISON,SUPERVISOR", "CASE_SHARED", "CASE", "6f1c2b1e-0d5a-4c39-9a57-2f1f3f7f2a10",
            "SUCCESS", "req-1", "shared with NL-NHTC (AMBER) — ü", "a".repeat(64), null);

    private static final AuditEntry FAILED_LOGIN = new AuditEntry(1, Instant.parse("2025-03-01T09:30:15Z"),
            "system", "DE-BKA", "", "LOGIN_FAILED", null, null, "FAILED", null, null, AuditChain.GENESIS_HASH, null);

    @Test
    void hashOfAFixedRowIsStable() {
        assertThat(AuditChain.hashOf(SHARED_CASE))
                .isEqualTo("e34670a5694a9e22347ff9c369852c7ea71cbcca06c0e1996be952e5e59201f6");
    }

    @Test
    void nullFieldsAndWholeSecondsHaveAFixedEncoding() {
        assertThat(AuditChain.hashOf(FAILED_LOGIN))
                .isEqualTo("a75640db8264bbb99457b2b377b556d32055ef11dec3be1ef1b8e775468147d6");
    }

    @Test
    void encodingStartsWithTheLengthPrefixedFormatTag() {
        byte[] encoding = AuditChain.canonicalEncoding(FAILED_LOGIN);
        ByteBuffer buffer = ByteBuffer.wrap(encoding);
        int tagLength = buffer.getInt();
        byte[] tag = new byte[tagLength];
        buffer.get(tag);
        assertThat(new String(tag, StandardCharsets.UTF_8)).isEqualTo(AuditChain.FORMAT_TAG);
        assertThat(buffer.getInt()).isEqualTo(1);
        assertThat((char) buffer.get()).isEqualTo('1');
    }

    @Test
    void timeIsEncodedInUtcWithSixFractionDigits() {
        assertThat(AuditChain.formatTime(Instant.parse("2025-03-01T09:30:15Z"))).isEqualTo("2025-03-01T09:30:15.000000Z");
        assertThat(AuditChain.formatTime(Instant.parse("2025-03-01T09:30:15.1Z"))).isEqualTo("2025-03-01T09:30:15.100000Z");
    }

    @Test
    void timeIsCutToMicrosecondsAsTheDatabaseStoresIt() {
        AuditEntry withNanos = new AuditEntry(1, Instant.parse("2025-03-01T09:30:15.123456789Z"), "system", "DE-BKA",
                "", "LOGIN_FAILED", null, null, "FAILED", null, null, AuditChain.GENESIS_HASH, null);
        assertThat(withNanos.occurredAt()).isEqualTo(Instant.parse("2025-03-01T09:30:15.123456Z"));
    }

    @Test
    void nullAndEmptyFieldsHashDifferently() {
        AuditEntry emptyDetail = new AuditEntry(1, FAILED_LOGIN.occurredAt(), "system", "DE-BKA", "", "LOGIN_FAILED",
                null, null, "FAILED", null, "", AuditChain.GENESIS_HASH, null);
        assertThat(AuditChain.hashOf(emptyDetail)).isNotEqualTo(AuditChain.hashOf(FAILED_LOGIN));
    }

    @Test
    void movingTextBetweenNeighbouringFieldsChangesTheHash() {
        AuditEntry split = new AuditEntry(1, FAILED_LOGIN.occurredAt(), "sys", "temDE-BKA", "", "LOGIN_FAILED",
                null, null, "FAILED", null, null, AuditChain.GENESIS_HASH, null);
        AuditEntry original = new AuditEntry(1, FAILED_LOGIN.occurredAt(), "system", "DE-BKA", "", "LOGIN_FAILED",
                null, null, "FAILED", null, null, AuditChain.GENESIS_HASH, null);
        assertThat(AuditChain.hashOf(split)).isNotEqualTo(AuditChain.hashOf(original));
    }

    @Test
    void nextChainsFromTheHeadAndSealsTheRow() {
        AuditActor actor = AuditActor.user("k.weber", "DE-BKA", List.of("SUPERVISOR", "LIAISON", "LIAISON"), "req-1");
        AuditEvent event = AuditEvent.success(AuditAction.CASE_SHARED, "CASE", "6f1c2b1e-0d5a-4c39-9a57-2f1f3f7f2a10")
                .withDetail("shared with NL-NHTC (AMBER) — ü");

        AuditEntry entry = AuditChain.next(new AuditChainHead(41, "a".repeat(64)), SHARED_CASE.occurredAt(), actor,
                event);

        assertThat(entry.sequence()).isEqualTo(42);
        assertThat(entry.prevHash()).isEqualTo("a".repeat(64));
        assertThat(entry.roles()).isEqualTo("LIAISON,SUPERVISOR");
        assertThat(entry.hash()).isEqualTo("e34670a5694a9e22347ff9c369852c7ea71cbcca06c0e1996be952e5e59201f6");
    }
}
