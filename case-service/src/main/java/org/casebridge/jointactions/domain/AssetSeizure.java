package org.casebridge.jointactions.domain;

import java.util.Objects;

/**
 * An asset seized during the action.
 *
 * @param kind        what sort of asset
 * @param description what was seized, e.g. 3.2 BTC in a hardware wallet
 * @param value       its value, or estimated value at seizure
 */
public record AssetSeizure(AssetKind kind, String description, Money value) {

    public static final int MAX_DESCRIPTION_LENGTH = 500;

    public AssetSeizure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (description == null || description.isBlank() || description.length() > MAX_DESCRIPTION_LENGTH) {
            throw new JointActionRuleException("INVALID", "description",
                    "a seized asset needs a description of 1 to " + MAX_DESCRIPTION_LENGTH + " characters");
        }
    }
}
