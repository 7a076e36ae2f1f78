package org.casebridge.benchmarks;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.concurrent.TimeUnit;

import org.casebridge.schema.crypto.Ed25519Keys;
import org.casebridge.schema.crypto.Ed25519Signatures;
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
 * Ed25519 alone over a 1 KiB message (the size of a typical signed envelope): the JDK's provider, with a fresh
 * {@code Signature} per call and with one reused per thread, against the Bouncy Castle code the codec uses.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class Ed25519Benchmark {

    private KeyPair keyPair;
    private SigningKey signingKey;
    private byte[] message;
    private byte[] signature;
    private Signature reusedSigner;
    private Signature reusedVerifier;

    @Setup
    public void setUp() throws GeneralSecurityException {
        keyPair = Ed25519Keys.generate();
        signingKey = SigningKey.of(keyPair);
        message = new byte[1024];
        new java.util.Random(1).nextBytes(message);
        signature = Ed25519Signatures.sign(signingKey, message);
        reusedSigner = Signature.getInstance("Ed25519");
        reusedSigner.initSign(keyPair.getPrivate());
        reusedVerifier = Signature.getInstance("Ed25519");
        reusedVerifier.initVerify(keyPair.getPublic());
    }

    @Benchmark
    public byte[] jdkSignFreshInstance() throws GeneralSecurityException {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keyPair.getPrivate());
        signer.update(message);
        return signer.sign();
    }

    @Benchmark
    public boolean jdkVerifyFreshInstance() throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(keyPair.getPublic());
        verifier.update(message);
        return verifier.verify(signature);
    }

    @Benchmark
    public byte[] jdkSignReusedInstance() throws GeneralSecurityException {
        reusedSigner.update(message);
        return reusedSigner.sign();
    }

    @Benchmark
    public boolean jdkVerifyReusedInstance() throws GeneralSecurityException {
        reusedVerifier.update(message);
        return reusedVerifier.verify(signature);
    }

    @Benchmark
    public byte[] bouncyCastleSign() {
        return Ed25519Signatures.sign(signingKey, message);
    }

    @Benchmark
    public boolean bouncyCastleVerify() {
        return Ed25519Signatures.verify(keyPair.getPublic(), signature, message);
    }
}
