package org.casebridge.audit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.casebridge.audit.domain.AuditAction;
import org.casebridge.audit.domain.AuditActor;
import org.casebridge.audit.domain.AuditChainHead;
import org.casebridge.audit.domain.AuditEntry;
import org.casebridge.audit.domain.AuditEvent;
import org.casebridge.audit.domain.AuditVerification;
import org.casebridge.audit.persistence.AuditLogStore;
import org.casebridge.infra.junit.NodeTestProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Appending to the audit chain on a real database: one unbroken chain, whatever the load. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailIT implements TestPropertyProvider {

    private static final AuditActor LIAISON =
            AuditActor.user("k.weber", "DE-BKA", List.of("LIAISON"), "7d6f3a52-1c1b-4a53-9e8c-5d7d1e2f0a41");

    @Inject
    AuditTrail auditTrail;
    @Inject
    AuditChainVerifier verifier;
    @Inject
    AuditLogStore store;
    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        return NodeTestProperties.forAgency("DE-BKA", "audit_trail");
    }

    @Test
    void chainLongerThanAVerificationPageVerifies() {
        int appends = AuditChainVerifier.PAGE_SIZE + 50;
        AuditEntry last = null;
        for (int i = 0; i < appends; i++) {
            last = auditTrail.record(AuditEvent.success(AuditAction.CASE_READ, "CASE", "case-" + i), LIAISON);
        }

        AuditVerification result = verifier.verify();

        assertThat(result.valid()).as(String.valueOf(result.detail())).isTrue();
        assertThat(result.rowsChecked()).isEqualTo(result.headSequence()).isGreaterThanOrEqualTo(appends);
        assertThat(result.headHash()).isEqualTo(last.hash());
    }

    @Test
    void concurrentAppendsFormOneUnbrokenChain() throws Exception {
        long before = store.readHead().lastSequence();
        int threads = 6;
        int appendsPerThread = 30;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<Long>>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                AuditActor actor = AuditActor.system("DE-BKA", "worker-" + t);
                work.add(() -> {
                    List<Long> sequences = new ArrayList<>();
                    for (int i = 0; i < appendsPerThread; i++) {
                        sequences.add(auditTrail.record(
                                AuditEvent.success(AuditAction.REQUEST_ESCALATED, "REQUEST", "r-" + i), actor)
                                .sequence());
                    }
                    return sequences;
                });
            }
            List<Long> sequences = new ArrayList<>();
            for (Future<List<Long>> result : pool.invokeAll(work)) {
                sequences.addAll(result.get());
            }

            assertThat(sequences).containsExactlyInAnyOrderElementsOf(
                    LongStream.rangeClosed(before + 1, before + (long) threads * appendsPerThread).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
        AuditVerification result = verifier.verify();
        assertThat(result.valid()).as(String.valueOf(result.detail())).isTrue();
        assertThat(result.headSequence()).isEqualTo(before + (long) threads * appendsPerThread);
    }

    @Test
    void rowCommitsAndRollsBackWithTheCallersTransaction() {
        AuditChainHead before = store.readHead();

        transactions.executeWrite(status -> {
            auditTrail.record(AuditEvent.success(AuditAction.CASE_UPDATED, "CASE", "rolled-back"), LIAISON);
            status.setRollbackOnly();
            return null;
        });

        assertThat(store.readHead()).isEqualTo(before);
        AuditEntry kept = auditTrail.record(AuditEvent.success(AuditAction.CASE_UPDATED, "CASE", "kept"), LIAISON);
        assertThat(kept.sequence()).isEqualTo(before.lastSequence() + 1);
        assertThat(kept.prevHash()).isEqualTo(before.lastHash());
        assertThat(verifier.verify().valid()).isTrue();
    }

    @Test
    void readInAReadOnlyTransactionIsStillRecorded() {
        long before = store.readHead().lastSequence();

        AuditEntry recorded = transactions.executeRead(status ->
                auditTrail.record(AuditEvent.success(AuditAction.CASE_READ, "CASE", "read-only"), LIAISON));

        assertThat(recorded.sequence()).isEqualTo(before + 1);
        assertThat(store.readHead().lastSequence()).isEqualTo(before + 1);
    }

    @Test
    void separatelyRecordedDenialSurvivesTheRollbackOfTheCaller() {
        long before = store.readHead().lastSequence();

        transactions.executeWrite(status -> {
            auditTrail.recordSeparately(AuditEvent.denied(AuditAction.CASE_SHARED, "CASE", "ceiling"), LIAISON);
            status.setRollbackOnly();
            return null;
        });

        AuditEntry kept = store.readInSequence(before, before + 1, 1).get(0);
        assertThat(kept.outcome()).isEqualTo("DENIED");
        assertThat(kept.objectId()).isEqualTo("ceiling");
    }

    @Test
    void rowKeepsEveryFieldAsRecorded() {
        AuditActor partner = AuditActor.partner("NL-NHTC", "0b7b2a36-5a57-4a8e-9b0f-6e0d0b1f8c11");
        AuditEntry written = auditTrail.record(AuditEvent.refused(AuditAction.PARTNER_MESSAGE_REFUSED, "CASE",
                "4e0f6f9a-8f0e-4c1b-a7a3-6a0c9b1d2e33").withDetail("signature does not verify"), partner);

        List<AuditEntry> read = store.readInSequence(written.sequence() - 1, written.sequence(), 10);

        assertThat(read).containsExactly(written);
        assertThat(written.username()).isEqualTo("partner:NL-NHTC");
        assertThat(written.outcome()).isEqualTo("REFUSED");
    }

    @Test
    void recordingOutsideARequestNeedsAnExplicitActor() {
        assertThatThrownBy(() -> auditTrail.record(AuditEvent.success(AuditAction.CASE_READ, "CASE", "x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("actor");
    }
}
