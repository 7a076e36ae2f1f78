package org.casebridge.security.app;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.inject.Singleton;

/**
 * Hashes and checks passwords with Argon2id (memory-hard; RFC 9106). The stored string carries the algorithm, its
 * parameters and the salt, so hashes made with older parameters still verify.
 */
@Singleton
public class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2Function function;
    // Checked when there is no real hash to check against, so a login for an unknown or disabled user costs as
    // much time as one for a real user and does not reveal which usernames exist.
    private final String decoyHash;

    public PasswordHasher(PasswordHashingConfiguration configuration) {
        this.function = Argon2Function.getInstance(configuration.getMemoryKib(), configuration.getIterations(),
                configuration.getParallelism(), HASH_BYTES, Argon2.ID);
        this.decoyHash = hash("decoy password that matches nothing");
    }

    /** A new hash with a random salt, e.g. {@code $argon2id$v=19$m=19456,t=2,p=1$...$...}. */
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult();
    }

    /** True if the password matches the stored hash; false also for a hash this hasher cannot read. */
    public boolean matches(String password, String storedHash) {
        if (password == null || storedHash == null || !storedHash.startsWith("$argon2")) {
            return false;
        }
        try {
            return Argon2Function.getInstanceFromHash(storedHash).check(password, storedHash);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Spends the time of one check without any chance of success. */
    public void spendCheckTime(String password) {
        matches(password == null ? "" : password, decoyHash);
    }
}
