package org.casebridge.infra.provisioning;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.function.Function;

/**
 * Where the SCRAM password of each agency principal comes from.
 */
@FunctionalInterface
public interface AgencyPasswords {

    /** Prefix of the environment variables read by {@link #fromEnvironment()}. */
    String ENVIRONMENT_PREFIX = "CASEBRIDGE_AGENCY_PASSWORD_";

    /**
     * The password of the agency's principal.
     *
     * @throws NoSuchElementException if there is none for this agency
     */
    String passwordFor(String agencyCode);

    /**
     * The demo federation's passwords: {@code casebridge-demo-<code in lowercase>}, e.g.
     * {@code casebridge-demo-de-bka}. Public knowledge, so only for local runs and tests, never for a shared cluster.
     */
    static AgencyPasswords demo() {
        return DemoPasswords.INSTANCE;
    }

    /** Passwords from a properties file {@code CODE=password} (e.g. {@code DE-BKA=...}). */
    static AgencyPasswords fromPropertiesFile(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read agency passwords from " + file, e);
        }
        return fromLookup(properties::getProperty, "in " + file);
    }

    /**
     * Passwords from environment variables {@code CASEBRIDGE_AGENCY_PASSWORD_<CODE>} with hyphens as underscores,
     * e.g. {@code CASEBRIDGE_AGENCY_PASSWORD_DE_BKA}.
     */
    static AgencyPasswords fromEnvironment() {
        return fromLookup(code -> System.getenv(environmentVariable(code)), "in the environment");
    }

    /** The environment variable holding an agency's password. */
    static String environmentVariable(String agencyCode) {
        return ENVIRONMENT_PREFIX + agencyCode.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static AgencyPasswords fromLookup(Function<String, String> lookup, String where) {
        return code -> {
            String password = lookup.apply(code);
            if (password == null || password.isBlank()) {
                throw new NoSuchElementException("no Kafka password for agency " + code + " " + where);
            }
            return password.trim();
        };
    }
}
