package org.casebridge.infra.demo;

import org.casebridge.schema.crypto.Ed25519Keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The private Ed25519 signing keys of the demo federation, one per agency of the shipped partner directory.
 *
 * <p>Read from the classpath resource {@value #RESOURCE} ({@code CODE=base64 32-byte seed}). These keys are public
 * knowledge: they exist so that a local federation and the tests can sign messages that verify against the shipped
 * directory. A real node is configured with its own key and a directory holding only its public half.
 */
public final class DemoAgencyKeys {

    /** Classpath location of the demo keys. */
    public static final String RESOURCE = "org/casebridge/infra/demo/demo-agency-keys.properties";

    private static volatile DemoAgencyKeys shipped;

    private final Map<String, String> seedsByCode;

    private DemoAgencyKeys(Map<String, String> seedsByCode) {
        this.seedsByCode = Map.copyOf(seedsByCode);
    }

    /** The demo keys shipped with this library. */
    public static DemoAgencyKeys load() {
        DemoAgencyKeys keys = shipped;
        if (keys == null) {
            keys = read();
            shipped = keys;
        }
        return keys;
    }

    private static DemoAgencyKeys read() {
        try (InputStream in = DemoAgencyKeys.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
            }
            Properties properties = new Properties();
            properties.load(in);
            Map<String, String> seeds = new TreeMap<>();
            properties.stringPropertyNames().forEach(code -> seeds.put(code, properties.getProperty(code).trim()));
            return new DemoAgencyKeys(seeds);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * The base64 seed of an agency's demo signing key, the form of {@code casebridge.agency.signing-key}.
     *
     * @throws NoSuchElementException if the agency has no demo key
     */
    public String seedBase64(String agencyCode) {
        String seed = seedsByCode.get(agencyCode);
        if (seed == null) {
            throw new NoSuchElementException("no demo signing key for agency " + agencyCode);
        }
        return seed;
    }

    /** An agency's demo signing key. */
    public PrivateKey privateKey(String agencyCode) {
        return Ed25519Keys.privateKeyFromBase64(seedBase64(agencyCode));
    }

    /** The codes of all agencies with a demo key, sorted. */
    public Set<String> agencyCodes() {
        return new TreeSet<>(seedsByCode.keySet());
    }
}
