package org.casebridge.schema.codec;

import java.security.PublicKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the codec finds the public keys of a sender agency, normally the partner directory. During a key rotation
 * an agency has more than one valid key; the envelope's {@code signerKeyId} picks one.
 */
@FunctionalInterface
public interface SenderKeys {

    /**
     * The valid Ed25519 public keys of an agency.
     *
     * @return the keys; empty (never null) when the agency is unknown
     */
    List<PublicKey> keysOf(String agencyCode);

    /** Keys from a fixed map of agency code to keys. */
    static SenderKeys of(Map<String, ? extends Collection<PublicKey>> keysByAgency) {
        Map<String, List<PublicKey>> copy = new java.util.HashMap<>();
        keysByAgency.forEach((agency, keys) -> copy.put(agency, List.copyOf(keys)));
        return agency -> copy.getOrDefault(agency, List.of());
    }

    /** A single agency with a single key. */
    static SenderKeys of(String agencyCode, PublicKey key) {
        return of(Map.of(agencyCode, List.of(key)));
    }
}
