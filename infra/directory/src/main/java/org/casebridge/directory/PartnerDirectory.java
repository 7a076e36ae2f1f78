package org.casebridge.directory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One published version of the partner directory: every agency of the federation, with the keys that verify its
 * messages. Immutable; a key rotation publishes a new version.
 */
public final class PartnerDirectory {

    private final String version;
    private final Instant publishedAt;
    private final List<PartnerAgency> agencies;
    private final Map<String, PartnerAgency> byCode;

    /**
     * @throws IllegalArgumentException if two agencies share a code ({@link DirectoryLoader} reports this nicer)
     */
    public PartnerDirectory(String version, Instant publishedAt, List<PartnerAgency> agencies) {
        this.version = Objects.requireNonNull(version, "version");
        this.publishedAt = Objects.requireNonNull(publishedAt, "publishedAt");
        this.agencies = List.copyOf(agencies);
        Map<String, PartnerAgency> index = new LinkedHashMap<>();
        for (PartnerAgency agency : this.agencies) {
            if (index.putIfAbsent(agency.code(), agency) != null) {
                throw new IllegalArgumentException("duplicate agency code " + agency.code());
            }
        }
        this.byCode = Map.copyOf(index);
    }

    /** The version string the operators published, e.g. {@code 2026.11.1}. */
    public String version() {
        return version;
    }

    /** When this version was published. */
    public Instant publishedAt() {
        return publishedAt;
    }

    /** All agencies in the order of the document. */
    public List<PartnerAgency> agencies() {
        return agencies;
    }

    /** The agency with this code, if the directory lists it. */
    public Optional<PartnerAgency> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /**
     * The agency with this code.
     *
     * @throws NoSuchElementException if the directory does not list it
     */
    public PartnerAgency require(String code) {
        PartnerAgency agency = byCode.get(code);
        if (agency == null) {
            throw new NoSuchElementException("agency " + code + " is not in partner directory version " + version);
        }
        return agency;
    }

    /** The agency codes in document order. */
    public List<String> codes() {
        return agencies.stream().map(PartnerAgency::code).toList();
    }

    /** The distinct ISO 3166-1 alpha-2 countries of all jurisdictions, sorted. */
    public Set<String> countries() {
        Set<String> countries = new TreeSet<>();
        agencies.forEach(agency -> countries.add(agency.country()));
        return countries;
    }

    /** Number of agencies. */
    public int size() {
        return agencies.size();
    }

    @Override
    public String toString() {
        return "PartnerDirectory[version=" + version + ", agencies=" + agencies.size() + "]";
    }
}
