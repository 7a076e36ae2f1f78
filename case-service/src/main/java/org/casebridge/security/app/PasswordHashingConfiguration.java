package org.casebridge.security.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;

/**
 * {@code casebridge.security.password-hashing}: Argon2id cost for new hashes. The defaults are the OWASP Password
 * Storage Cheat Sheet's first recommendation (m=19 MiB, t=2, p=1). Existing hashes keep the parameters they were
 * made with (they are part of the stored string), so changing these affects only new and reset passwords.
 */
@ConfigurationProperties("casebridge.security.password-hashing")
public class PasswordHashingConfiguration {

    /** Memory in KiB. */
    @Min(8)
    private int memoryKib = 19 * 1024;

    @Min(1)
    private int iterations = 2;

    @Min(1)
    private int parallelism = 1;

    public int getMemoryKib() {
        return memoryKib;
    }

    public void setMemoryKib(int memoryKib) {
        this.memoryKib = memoryKib;
    }

    public int getIterations() {
        return iterations;
    }

    public void setIterations(int iterations) {
        this.iterations = iterations;
    }

    public int getParallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        this.parallelism = parallelism;
    }
}
