package org.casebridge.requests.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.casebridge.requests.app.DecisionInput;
import org.casebridge.requests.domain.CustodyAction;
import org.casebridge.requests.domain.DataAccessibility;
import org.casebridge.requests.domain.EvidenceRequest;
import org.casebridge.requests.domain.RefusalGround;
import org.casebridge.requests.domain.RequestType;
import org.casebridge.requests.domain.Urgency;

/** Request bodies of the evidence request API. Item and manifest fields are checked by the domain (422 by name). */
final class RequestBodies {

    static final String AGENCY_CODE = "[A-Z0-9]+(-[A-Z0-9]+)+";
    static final int MAX_TEXT = 10_000;

    private RequestBodies() {
    }

    /** {@code POST /api/v1/evidence-requests}. */
    @Serdeable
    record CreateRequest(
            @NotNull UUID caseId,
            @NotBlank @Pattern(regexp = AGENCY_CODE, message = "must be an agency code such as NL-NHTC")
            String requestedAgency,
            @NotBlank @Size(max = 48) String instrument,
            @NotNull RequestType type,
            @NotNull Urgency urgency,
            @Nullable DataAccessibility accessibility,
            @Nullable @Size(max = 2000) String legalBasis,
            @NotBlank @Size(max = EvidenceRequest.MAX_JUSTIFICATION_LENGTH) String justification,
            @NotNull @Size(min = 1, max = 200) List<@NotNull ItemBody> items,
            @Nullable Instant dueDate) {
    }

    /**
     * One item; which fields apply depends on {@code type}: IP_ADDRESS (address, port, timestamp), DOMAIN (domain),
     * URL (url), EMAIL_ADDRESS (address), PHONE_NUMBER (number), ACCOUNT_HANDLE (service, handle), CRYPTO_ADDRESS
     * (chain, address), FILE_HASH (algorithm, hash). Every item has a timeRange.
     */
    @Serdeable
    record ItemBody(
            @Nullable String type,
            @Nullable @Size(max = 2048) String address,
            @Nullable Integer port,
            @Nullable Instant timestamp,
            @Nullable @Size(max = 2048) String domain,
            @Nullable @Size(max = 2048) String url,
            @Nullable @Size(max = 64) String number,
            @Nullable @Size(max = 2048) String service,
            @Nullable @Size(max = 2048) String handle,
            @Nullable @Size(max = 64) String chain,
            @Nullable @Size(max = 16) String algorithm,
            @Nullable @Size(max = 256) String hash,
            @Nullable TimeRangeBody timeRange) {
    }

    @Serdeable
    record TimeRangeBody(@Nullable Instant from, @Nullable Instant to) {
    }

    /** {@code POST /{id}/decision}. */
    @Serdeable
    record DecisionBody(
            @NotNull DecisionInput.Kind decision,
            @Nullable RefusalGround ground,
            @Nullable @Size(max = 2000) String explanation,
            @Nullable @Size(max = MAX_TEXT) String question) {
    }

    /** {@code POST /{id}/information}. */
    @Serdeable
    record InformationBody(@NotBlank @Size(max = MAX_TEXT) String information) {
    }

    /** {@code POST /{id}/progress}. */
    @Serdeable
    record ProgressBody(@NotBlank @Size(max = MAX_TEXT) String note) {
    }

    /** {@code POST /{id}/withdraw}. */
    @Serdeable
    record WithdrawBody(@NotBlank @Size(max = 2000) String reason) {
    }

    /** {@code POST /{id}/close}. */
    @Serdeable
    record CloseBody(@Nullable @Size(max = 2000) String note) {
    }

    /** {@code POST /{id}/manifests/{manifestId}/check}: a file received out of band, as the officer measured it. */
    @Serdeable
    record FileCheckBody(
            @NotNull UUID evidenceId,
            @NotNull @PositiveOrZero Long sizeBytes,
            @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be a SHA-256 in hex (64 characters)")
            String sha256) {
    }

    /** {@code POST /{id}/extension}: an ISO-8601 period such as {@code P30D}. */
    @Serdeable
    record ExtensionBody(
            @NotBlank @Pattern(regexp = "P(\\d+[YMWD])*(T(\\d+[HMS])+)?", message = "must be an ISO-8601 period such as P30D")
            String extension,
            @Nullable @Size(max = 2000) String note) {
    }

    /** {@code POST /{id}/fulfilment}. */
    @Serdeable
    record FulfilmentBody(
            @Nullable Boolean complete,
            @NotNull @Size(min = 1, max = 500) List<@NotNull @Valid EvidenceBody> items,
            @Nullable @Size(max = 200) String deliveryChannel,
            @Nullable @Size(max = 500) String deliveryReference,
            @Nullable @Size(max = 2000) String note) {
    }

    @Serdeable
    record EvidenceBody(
            @Nullable UUID requestItemId,
            @Nullable @Size(max = 2000) String description,
            @Nullable @Size(max = 255) String mediaType,
            @Nullable Long sizeBytes,
            @Nullable @Size(max = 128) String sha256,
            @Nullable Instant acquiredAt,
            @Nullable @Size(max = 2000) String acquisitionMethod,
            @Nullable @Size(max = 100) List<@NotNull CustodyBody> custody) {
    }

    @Serdeable
    record CustodyBody(
            @Nullable @Size(max = 200) String handledBy,
            @Nullable Instant at,
            @Nullable CustodyAction action,
            @Nullable @Size(max = 2000) String note) {
    }
}
