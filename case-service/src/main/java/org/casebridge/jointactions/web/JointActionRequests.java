package org.casebridge.jointactions.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.casebridge.jointactions.domain.AssetKind;
import org.casebridge.jointactions.domain.AssetSeizure;
import org.casebridge.jointactions.domain.GoDecision;
import org.casebridge.jointactions.domain.JointAction;
import org.casebridge.jointactions.domain.JointActionStatus;
import org.casebridge.jointactions.domain.Outcome;
import org.casebridge.jointactions.domain.Participant;
import org.casebridge.jointactions.domain.ParticipantRole;

/** Request bodies of the joint action API. */
final class JointActionRequests {

    static final String AGENCY_CODE = "[A-Z0-9]+(-[A-Z0-9]+)+";
    static final String AGENCY_MESSAGE = "must be an agency code such as DE-BKA";
    static final String MARKING = "(?i)(TLP:)?(CLEAR|GREEN|AMBER|AMBER[+_]STRICT|RED)";
    static final String MARKING_MESSAGE = "must be a TLP 2.0 marking: CLEAR, GREEN, AMBER, AMBER+STRICT or RED";
    static final int MAX_COUNT = 1_000_000;

    private JointActionRequests() {
    }

    /** {@code POST /api/v1/joint-actions}. */
    @Serdeable
    record ProposeAction(
            @NotBlank @Size(max = JointAction.MAX_TITLE_LENGTH) String title,
            @NotBlank @Size(max = JointAction.MAX_OBJECTIVE_LENGTH) String objective,
            @Nullable @Size(max = 20) List<@NotNull UUID> linkedCases,
            @Nullable Boolean shareLinkedCases,
            @NotEmpty @Size(max = JointAction.MAX_PARTICIPANTS) List<@NotNull @Valid ParticipantPlan> participants,
            @NotNull Instant windowStart,
            @NotNull Instant windowEnd,
            @NotBlank @Pattern(regexp = MARKING, message = MARKING_MESSAGE) String handlingMarking) {
    }

    /** An invited agency in a proposal. */
    @Serdeable
    record ParticipantPlan(
            @NotBlank @Pattern(regexp = AGENCY_CODE, message = AGENCY_MESSAGE) String agency,
            @NotNull ParticipantRole role,
            @Nullable @Size(max = Participant.MAX_ITEMS) List<@NotBlank @Size(max = Participant.MAX_ITEM_LENGTH) String> tasks,
            @Nullable @Size(max = Participant.MAX_ITEMS) List<@NotBlank @Size(max = Participant.MAX_ITEM_LENGTH) String> targets) {
    }

    /** {@code PATCH /api/v1/joint-actions/{id}}: only the fields present change. */
    @Serdeable
    record UpdatePlan(
            @Nullable @Size(min = 1, max = JointAction.MAX_TITLE_LENGTH) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
            @Nullable @Size(min = 1, max = JointAction.MAX_OBJECTIVE_LENGTH) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String objective,
            @Nullable Instant windowStart,
            @Nullable Instant windowEnd,
            @Nullable @Size(max = JointAction.MAX_PARTICIPANTS) List<@NotNull @Valid Assignment> assignments) {
    }

    /** New tasks and targets of one participant; a list left out stays as it was. */
    @Serdeable
    record Assignment(
            @NotBlank @Pattern(regexp = AGENCY_CODE, message = AGENCY_MESSAGE) String agency,
            @Nullable @Size(max = Participant.MAX_ITEMS) List<@NotBlank @Size(max = Participant.MAX_ITEM_LENGTH) String> tasks,
            @Nullable @Size(max = Participant.MAX_ITEMS) List<@NotBlank @Size(max = Participant.MAX_ITEM_LENGTH) String> targets) {
    }

    /** {@code POST /api/v1/joint-actions/{id}/participation}. */
    @Serdeable
    record Participation(
            @NotNull @Pattern(regexp = "ACCEPT|ACCEPTED|DECLINE|DECLINED", message = "must be ACCEPT or DECLINE") String answer,
            @Nullable @Size(max = JointAction.MAX_NOTE_LENGTH) String reason) {
    }

    /** {@code POST /api/v1/joint-actions/{id}/readiness}. */
    @Serdeable
    record ReadinessDeclaration(
            @NotNull Boolean ready,
            @Nullable @Size(max = JointAction.MAX_NOTE_LENGTH) String note,
            // The plan revision the officer reviewed; optional. If the plan has changed since, the answer is 409.
            @Nullable @Positive Long planRevision) {
    }

    /** {@code POST /api/v1/joint-actions/{id}/decision}. */
    @Serdeable
    record Decision(
            @NotNull GoDecision decision,
            @Nullable @Size(max = JointAction.MAX_NOTE_LENGTH) String reason) {
    }

    /** {@code POST /api/v1/joint-actions/{id}/status}. */
    @Serdeable
    record StatusChange(
            @NotNull JointActionStatus status,
            @Nullable @Size(max = JointAction.MAX_NOTE_LENGTH) String reason) {
    }

    /** {@code POST /api/v1/joint-actions/{id}/outcomes}: counts default to 0. */
    @Serdeable
    record OutcomeReport(
            @Nullable @Min(0) @Max(MAX_COUNT) Integer arrests,
            @Nullable @Min(0) @Max(MAX_COUNT) Integer searches,
            @Nullable @Min(0) @Max(MAX_COUNT) Integer devicesSeized,
            @Nullable @Size(max = Outcome.MAX_ASSETS) List<@NotNull @Valid SeizedAsset> assetsSeized,
            @Nullable @Min(0) @Max(MAX_COUNT) Integer serversTakenDown,
            @Nullable @Min(0) @Max(MAX_COUNT) Integer domainsTakenDown,
            @Nullable @Min(0) @Max(MAX_COUNT) Integer victimsIdentified,
            @Nullable @Size(max = JointAction.MAX_NOTE_LENGTH) String note) {
    }

    /** One seized asset: the amount in major units (EUR 1250.50), the currency as ISO 4217 code. */
    @Serdeable
    record SeizedAsset(
            @NotNull AssetKind kind,
            @NotBlank @Size(max = AssetSeizure.MAX_DESCRIPTION_LENGTH) String description,
            @NotNull @DecimalMin("0") BigDecimal amount,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as EUR") String currency) {
    }
}
