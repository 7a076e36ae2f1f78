package org.casebridge.cases.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versioned list of crime categories a federation uses. It is data, not an enum, so a federation can extend it
 * without a new release of the message contract.
 */
public final class CrimeTaxonomy {

    private final String version;
    private final Map<String, CrimeCategory> byCode = new LinkedHashMap<>();

    public CrimeTaxonomy(String version, List<CrimeCategory> categories) {
        this.version = version;
        for (CrimeCategory category : categories) {
            if (byCode.put(category.code(), category) != null) {
                throw new IllegalArgumentException("crime category " + category.code() + " is listed twice");
            }
        }
    }

    public String version() {
        return version;
    }

    public List<CrimeCategory> categories() {
        return List.copyOf(byCode.values());
    }

    public boolean contains(String code) {
        return byCode.containsKey(code);
    }

    public Optional<CrimeCategory> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }
}
