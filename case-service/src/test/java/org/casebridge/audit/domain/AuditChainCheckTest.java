package org.casebridge.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditChainCheckTest {

    private static final AuditActor ACTOR = AuditActor.user("k.weber", "DE-BKA", List.of("LIAISON"), "req-1");
    private List<AuditEntry> rows;

    @BeforeEach
    void buildChainOfTen() {
        rows = new ArrayList<>();
        AuditChainHead head = AuditChainHead.empty();
        for (int i = 0; i < 10; i++) {
            AuditEntry row = AuditChain.next(head, Instant.parse("2025-03-01T09:30:00Z").plusSeconds(i), ACTOR,
                    AuditEvent.success(AuditAction.CASE_READ, "CASE", "case-" + i));
            rows.add(row);
            head = new AuditChainHead(row.sequence(), row.hash());
        }
    }

    @Test
    void intactChainVerifies() {
        AuditVerification result = check(rows, headOf(rows));
        assertThat(result.valid()).isTrue();
        assertThat(result.rowsChecked()).isEqualTo(10);
        assertThat(result.firstBrokenSequence()).isNull();
    }

    @Test
    void emptyLogVerifies() {
        AuditVerification result = check(List.of(), AuditChainHead.empty());
        assertThat(result.valid()).isTrue();
        assertThat(result.rowsChecked()).isZero();
    }

    @Test
    void changedColumnIsAHashMismatchAtThatRow() {
        AuditEntry original = rows.get(6);
        rows.set(6, new AuditEntry(original.sequence(), original.occurredAt(), "someone.else", original.agency(),
                original.roles(), original.action(), original.objectType(), original.objectId(), original.outcome(),
                original.requestId(), original.detail(), original.prevHash(), original.hash()));

        AuditVerification result = check(rows, headOf(rows));

        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(7);
        assertThat(result.reason()).isEqualTo(ChainBreak.HASH_MISMATCH);
        assertThat(result.rowsChecked()).isEqualTo(6);
    }

    @Test
    void rowRehashedAfterChangeBreaksTheLinkOfTheNextRow() {
        AuditEntry original = rows.get(3);
        AuditEntry changed = new AuditEntry(original.sequence(), original.occurredAt(), original.username(),
                original.agency(), original.roles(), original.action(), original.objectType(), "another-case",
                original.outcome(), original.requestId(), original.detail(), original.prevHash(), null);
        rows.set(3, new AuditEntry(changed.sequence(), changed.occurredAt(), changed.username(), changed.agency(),
                changed.roles(), changed.action(), changed.objectType(), changed.objectId(), changed.outcome(),
                changed.requestId(), changed.detail(), changed.prevHash(), AuditChain.hashOf(changed)));

        AuditVerification result = check(rows, headOf(rows));

        assertThat(result.firstBrokenSequence()).isEqualTo(5);
        assertThat(result.reason()).isEqualTo(ChainBreak.BROKEN_LINK);
    }

    @Test
    void deletedRowIsMissingAtItsSequence() {
        AuditChainHead head = headOf(rows);
        rows.remove(4);

        AuditVerification result = check(rows, head);

        assertThat(result.firstBrokenSequence()).isEqualTo(5);
        assertThat(result.reason()).isEqualTo(ChainBreak.MISSING_ROW);
    }

    @Test
    void deletedLastRowsAreMissingAgainstTheHead() {
        AuditChainHead head = headOf(rows);
        rows = new ArrayList<>(rows.subList(0, 8));

        AuditVerification result = check(rows, head);

        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(9);
        assertThat(result.reason()).isEqualTo(ChainBreak.MISSING_ROW);
        assertThat(result.rowsChecked()).isEqualTo(8);
    }

    @Test
    void headWithAnotherHashThanTheLastRowIsAHeadMismatch() {
        AuditVerification result = check(rows, new AuditChainHead(10, "b".repeat(64)));

        assertThat(result.firstBrokenSequence()).isEqualTo(10);
        assertThat(result.reason()).isEqualTo(ChainBreak.HEAD_MISMATCH);
    }

    @Test
    void firstRowMustChainFromGenesis() {
        AuditEntry first = AuditChain.next(new AuditChainHead(0, "c".repeat(64)), Instant.parse("2025-03-01T09:00:00Z"),
                ACTOR, AuditEvent.success(AuditAction.CASE_READ, "CASE", "x"));

        AuditVerification result = check(List.of(first), new AuditChainHead(1, first.hash()));

        assertThat(result.firstBrokenSequence()).isEqualTo(1);
        assertThat(result.reason()).isEqualTo(ChainBreak.BROKEN_LINK);
    }

    private static AuditVerification check(List<AuditEntry> entries, AuditChainHead head) {
        AuditChainCheck check = new AuditChainCheck(head);
        for (AuditEntry entry : entries) {
            if (!check.accept(entry)) {
                break;
            }
        }
        return check.finish();
    }

    private static AuditChainHead headOf(List<AuditEntry> entries) {
        AuditEntry last = entries.get(entries.size() - 1);
        return new AuditChainHead(last.sequence(), last.hash());
    }
}
