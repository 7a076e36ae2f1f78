package org.casebridge.notifications.rules.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Request bodies of the subscription endpoints. */
public final class SubscriptionRequests {

    private SubscriptionRequests() {
    }

    /** {@code choice}: ADD, MUTE or DEFAULT. */
    @Serdeable
    public record TypeChoice(@Nullable String choice) {
    }

    /** {@code mode}: IMMEDIATE, DIGEST or OFF. */
    @Serdeable
    public record EmailChoice(@Nullable String mode) {
    }

    /** Optional case reference, for the list of follows. */
    @Serdeable
    public record FollowRequest(@Nullable String caseReference) {
    }
}
