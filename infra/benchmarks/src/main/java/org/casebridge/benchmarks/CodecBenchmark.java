package org.casebridge.benchmarks;

import java.util.concurrent.TimeUnit;

import org.casebridge.messages.v1.EvidenceRequestSent;
import org.casebridge.schema.codec.EnvelopeHeader;
import org.casebridge.schema.codec.MessageCodec;
import org.casebridge.schema.codec.SenderKeys;
import org.casebridge.schema.codec.VerifiedMessage;
import org.casebridge.schema.crypto.SigningKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole codec path of a node for a typical evidence request: build, encode and sign the envelope on the sending
 * side; check, verify and decode it on the receiving side. Results are operations (messages) per second per thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class CodecBenchmark {

    private MessageCodec codec;
    private SigningKey signingKey;
    private SenderKeys directory;
    private EvidenceRequestSent payload;
    private EnvelopeHeader header;
    private byte[] record;

    @Setup
    public void setUp() {
        codec = MessageCodec.create();
        signingKey = SigningKey.ofSeed(new byte[32]);
        directory = SenderKeys.of(TypicalMessages.SENDER, signingKey.publicKey());
        payload = TypicalMessages.evidenceRequest();
        header = TypicalMessages.header(1);
        record = codec.encodeAndSign(header, payload, signingKey);
    }

    @Benchmark
    public byte[] encodeAndSign() {
        return codec.encodeAndSign(header, payload, signingKey);
    }

    @Benchmark
    public VerifiedMessage verifyAndDecode() {
        return codec.verifyAndDecode(record, TypicalMessages.RECIPIENT, directory);
    }
}
