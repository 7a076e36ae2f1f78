package org.casebridge.benchmarks;

import java.lang.management.ManagementFactory;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.lang.management.ThreadMXBean;

import org.casebridge.messages.v1.EvidenceRequestSent;
import org.casebridge.schema.codec.EnvelopeHeader;
import org.casebridge.schema.codec.MessageCodec;
import org.casebridge.schema.codec.SenderKeys;
import org.casebridge.schema.crypto.Ed25519Signatures;
import org.casebridge.schema.crypto.SigningKey;

/**
 * A cross-check of {@link CodecBenchmark} on a busy machine: measures the CPU time (not wall time) the current
 * thread spends per message, so the figure is per core even when other processes compete for the cores. Run with
 * {@code java -cp infra/benchmarks/target/benchmarks.jar org.casebridge.benchmarks.CodecCpuTime}.
 */
public final class CodecCpuTime {

    private static final int WARMUP = 20_000;
    private static final int MEASURED = 20_000;

    private CodecCpuTime() {
    }

    public static void main(String[] args) throws GeneralSecurityException {
        MessageCodec codec = MessageCodec.create();
        SigningKey key = SigningKey.ofSeed(new byte[32]);
        SenderKeys directory = SenderKeys.of(TypicalMessages.SENDER, key.publicKey());
        EvidenceRequestSent payload = TypicalMessages.evidenceRequest();
        EnvelopeHeader header = TypicalMessages.header(1);
        byte[] record = codec.encodeAndSign(header, payload, key);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;

        for (int i = 0; i < WARMUP; i++) {
            sink += codec.encodeAndSign(header, payload, key).length;
            sink += codec.verifyAndDecode(record, TypicalMessages.RECIPIENT, directory).sequenceNumber();
        }
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < MEASURED; i++) {
            sink += codec.encodeAndSign(header, payload, key).length;
        }
        long encodeNanos = threads.getCurrentThreadCpuTime() - start;
        start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < MEASURED; i++) {
            sink += codec.verifyAndDecode(record, TypicalMessages.RECIPIENT, directory).sequenceNumber();
        }
        long verifyNanos = threads.getCurrentThreadCpuTime() - start;

        System.out.printf("record size                  %d bytes%n", record.length);
        System.out.printf("encodeAndSign   per CPU core %,.0f messages/s (%.1f us CPU each)%n",
                MEASURED * 1e9 / encodeNanos, encodeNanos / 1e3 / MEASURED);
        System.out.printf("verifyAndDecode per CPU core %,.0f messages/s (%.1f us CPU each)%n",
                MEASURED * 1e9 / verifyNanos, verifyNanos / 1e3 / MEASURED);
        sink += jdkAndBouncyCastle(key, record, threads);
        System.out.println("(checksum " + sink + ")");
    }

    // The signature alone over the same bytes: the JDK provider (instances reused) against Bouncy Castle.
    private static long jdkAndBouncyCastle(SigningKey key, byte[] data, ThreadMXBean threads) throws GeneralSecurityException {
        int rounds = 2_000;
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key.privateKey());
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key.publicKey());
        signer.update(data);
        byte[] signature = signer.sign();
        long sink = 0;
        for (int i = 0; i < rounds; i++) {
            signer.update(data);
            sink += signer.sign()[0];
            verifier.update(data);
            sink += verifier.verify(signature) ? 1 : 0;
            sink += Ed25519Signatures.sign(key, data)[0];
            sink += Ed25519Signatures.verify(key.publicKey(), signature, data) ? 1 : 0;
        }
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            signer.update(data);
            sink += signer.sign()[0];
        }
        report("JDK sign", rounds, threads.getCurrentThreadCpuTime() - start);
        start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            verifier.update(data);
            sink += verifier.verify(signature) ? 1 : 0;
        }
        report("JDK verify", rounds, threads.getCurrentThreadCpuTime() - start);
        start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds * 5; i++) {
            sink += Ed25519Signatures.sign(key, data)[0];
        }
        report("Bouncy Castle sign", rounds * 5, threads.getCurrentThreadCpuTime() - start);
        start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds * 5; i++) {
            sink += Ed25519Signatures.verify(key.publicKey(), signature, data) ? 1 : 0;
        }
        report("Bouncy Castle verify", rounds * 5, threads.getCurrentThreadCpuTime() - start);
        return sink;
    }

    private static void report(String what, int rounds, long nanos) {
        System.out.printf("%-28s %,.0f ops/s per CPU core (%.1f us CPU each)%n", what, rounds * 1e9 / nanos, nanos / 1e3 / rounds);
    }
}
