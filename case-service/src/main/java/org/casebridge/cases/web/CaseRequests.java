package org.casebridge.cases.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.casebridge.cases.domain.CaseFile;
import org.casebridge.cases.domain.CasePriority;
import org.casebridge.cases.domain.CaseStatus;
import org.casebridge.cases.domain.Contribution;
import org.casebridge.cases.domain.ContributionKind;

/** Request bodies of the case API. */
final class CaseRequests {

    static final String AGENCY_CODE = "[A-Z0-9]+(-[A-Z0-9]+)+";
    static final String MARKING = "(?i)(TLP:)?(CLEAR|GREEN|AMBER|AMBER[+_]STRICT|RED)";

    private CaseRequests() {
    }

    /** {@code POST /api/v1/cases}. */
    @Serdeable
    record CreateCase(
            @NotBlank @Size(max = CaseFile.MAX_TITLE_LENGTH) String title,
            @NotNull @Size(max = CaseFile.MAX_SUMMARY_LENGTH) String summary,
            @NotEmpty @Size(max = 20) List<@NotBlank String> crimeCategories,
            @Nullable CasePriority priority,
            @NotBlank @Pattern(regexp = MARKING, message = "must be a TLP 2.0 marking: CLEAR, GREEN, AMBER, AMBER+STRICT or RED")
            String handlingMarking,
            @Nullable @Size(max = 100) List<@Pattern(regexp = AGENCY_CODE, message = "must be an agency code such as DE-BKA") String> namedRecipients) {
    }

    /** {@code PATCH /api/v1/cases/{id}}: only the fields present change. */
    @Serdeable
    record UpdateCase(
            @Nullable @Size(min = 1, max = CaseFile.MAX_TITLE_LENGTH) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String title,
            @Nullable @Size(max = CaseFile.MAX_SUMMARY_LENGTH) String summary,
            @Nullable @Size(min = 1, max = 20) List<@NotBlank String> crimeCategories,
            @Nullable CaseStatus status,
            @Nullable CasePriority priority,
            @Nullable @Pattern(regexp = MARKING, message = "must be a TLP 2.0 marking: CLEAR, GREEN, AMBER, AMBER+STRICT or RED")
            String handlingMarking,
            @Nullable @Size(max = 100) List<@Pattern(regexp = AGENCY_CODE, message = "must be an agency code such as DE-BKA") String> namedRecipients) {
    }

    /** {@code POST /api/v1/cases/{id}/shares}. */
    @Serdeable
    record ShareCase(
            @NotBlank @Pattern(regexp = AGENCY_CODE, message = "must be an agency code such as DE-BKA") String agency) {
    }

    /** {@code POST /api/v1/cases/{id}/contributions}. */
    @Serdeable
    record AddContribution(
            @Nullable ContributionKind kind,
            @NotBlank @Size(max = Contribution.MAX_TEXT_LENGTH) String text) {
    }
}
