package org.casebridge.notifications.rules.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the signed-in user receives.
 *
 * @param eventTypes every notification type with the role default, the user's choice and the result
 * @param follows    cases, requests and joint actions the user follows
 * @param emailMode  IMMEDIATE, DIGEST or OFF
 */
@Serdeable
public record SubscriptionView(String emailMode, List<TypeSetting> eventTypes, List<FollowView> follows) {

    /**
     * @param choice  ADDED, MUTED or null (role default)
     * @param active  whether the user hears of this type without following anything
     * @param allowed whether the user's roles may hear of this type at all (analysts get no case content)
     */
    @Serdeable
    public record TypeSetting(String type, boolean roleDefault, @Nullable String choice, boolean active,
                              boolean allowed) {
    }

    @Serdeable
    public record FollowView(UUID subjectId, @Nullable String caseReference, String source, Instant since) {
    }
}
