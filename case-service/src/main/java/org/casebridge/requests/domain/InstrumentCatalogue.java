package org.casebridge.requests.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versioned list of legal instruments a federation uses, with their clocks. It is data so a federation can add
 * instruments and change durations without a code change.
 */
public final class InstrumentCatalogue {

    private final String version;
    private final Map<String, Instrument> byCode = new LinkedHashMap<>();

    public InstrumentCatalogue(String version, List<Instrument> instruments) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("the instrument catalogue needs a version");
        }
        this.version = version;
        for (Instrument instrument : instruments) {
            if (byCode.put(instrument.code(), instrument) != null) {
                throw new IllegalArgumentException("instrument " + instrument.code() + " is listed twice");
            }
        }
    }

    public String version() {
        return version;
    }

    public List<Instrument> instruments() {
        return List.copyOf(byCode.values());
    }

    public Optional<Instrument> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /**
     * The instrument with that code.
     *
     * @throws RequestRuleException coded {@code UNKNOWN_INSTRUMENT} if the catalogue has none
     */
    public Instrument require(String code) {
        Instrument instrument = byCode.get(code);
        if (instrument == null) {
            throw new RequestRuleException("UNKNOWN_INSTRUMENT", "instrument " + code
                    + " is not in catalogue version " + version);
        }
        return instrument;
    }
}
