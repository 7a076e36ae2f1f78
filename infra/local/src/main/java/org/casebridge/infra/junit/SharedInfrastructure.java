package org.casebridge.infra.junit;

import org.casebridge.directory.DirectoryLoader;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.infra.DatabaseCoordinates;
import org.casebridge.infra.InfraSettings;
import org.casebridge.infra.LocalInfrastructure;
import org.casebridge.infra.demo.DemoFederation;
import org.casebridge.infra.provisioning.ProvisioningReport;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one infrastructure of a test JVM: started on first use, provisioned once with the shipped partner directory
 * and the demo passwords, and stopped when the JVM exits (by {@link LocalInfrastructure}'s shutdown hook).
 *
 * <p>The mode comes from {@link InfraSettings#fromEnvironment()}: by default external servers if configured, else
 * a PostgreSQL container when Docker is available, else embedded servers. {@code -Dcasebridge.infra=embedded} (or
 * {@code testcontainers}) forces one. Tests share the servers and keep apart through their own databases
 * ({@link #freshDatabase}) and their own agencies' topics.
 */
public final class SharedInfrastructure {

    private static final Object LOCK = new Object();
    private static final AtomicInteger DATABASES = new AtomicInteger();
    // Databases of several JVMs may share an external server: a random part keeps their names apart.
    private static final String RUN_ID = Integer.toString(new SecureRandom().nextInt(36 * 36 * 36 * 36), 36);

    private static volatile Started started;

    private SharedInfrastructure() {
    }

    /** The shared infrastructure, started and provisioned on first call. */
    public static LocalInfrastructure get() {
        return started().infrastructure();
    }

    /** The partner directory that was provisioned (the configured one, by default the shipped one). */
    public static PartnerDirectory directory() {
        return started().directory();
    }

    /** What provisioning did when the infrastructure started. */
    public static ProvisioningReport provisioning() {
        return started().provisioning();
    }

    /**
     * A new, empty database whose name starts with {@code prefix} (lowercased; other characters than letters,
     * digits and underscores become underscores).
     */
    public static DatabaseCoordinates freshDatabase(String prefix) {
        String base = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (base.isEmpty() || Character.isDigit(base.charAt(0))) {
            base = "db_" + base;
        }
        if (base.length() > 40) {
            base = base.substring(0, 40);
        }
        String name = base + "_" + RUN_ID + "_" + DATABASES.incrementAndGet();
        return get().postgres().createDatabase(name);
    }

    private static Started started() {
        Started current = started;
        if (current == null) {
            synchronized (LOCK) {
                current = started;
                if (current == null) {
                    current = start();
                    started = current;
                }
            }
        }
        return current;
    }

    private static Started start() {
        // LocalInfrastructure stops itself when the JVM exits.
        LocalInfrastructure infrastructure = LocalInfrastructure.start(LocalInfrastructure.settingsFromEnvironment());
        try {
            PartnerDirectory directory = new DirectoryLoader().loadConfigured();
            ProvisioningReport report = DemoFederation.provision(infrastructure.kafka(), directory);
            return new Started(infrastructure, directory, report);
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
    }

    private record Started(LocalInfrastructure infrastructure, PartnerDirectory directory,
                           ProvisioningReport provisioning) {
    }
}
