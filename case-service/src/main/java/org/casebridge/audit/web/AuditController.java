package org.casebridge.audit.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.casebridge.audit.app.AuditChainVerifier;
import org.casebridge.audit.app.AuditLogReader;
import org.casebridge.audit.app.AuditTrail;
import org.casebridge.audit.domain.AuditAction;
import org.casebridge.audit.domain.AuditEvent;
import org.casebridge.audit.domain.AuditOutcome;
import org.casebridge.audit.domain.AuditVerification;
import org.casebridge.audit.persistence.AuditLogFilter;
import org.casebridge.support.problem.ProblemDetail;
import org.casebridge.support.problem.ProblemException;

/**
 * The audit log for administrators: list it, verify its chain. Both are themselves audited ({@code AUDIT_READ},
 * {@code AUDIT_VERIFIED}): who looked at the log is part of the log.
 */
@Controller("/api/v1/audit")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditController {

    static final int DEFAULT_PAGE_SIZE = 50;
    private static final String OBJECT_TYPE = "AUDIT_LOG";

    private final AuditLogReader reader;
    private final AuditChainVerifier verifier;
    private final AuditTrail auditTrail;

    public AuditController(AuditLogReader reader, AuditChainVerifier verifier, AuditTrail auditTrail) {
        this.reader = reader;
        this.verifier = verifier;
        this.auditTrail = auditTrail;
    }

    /**
     * One page of the audit log, newest first. Parameters arrive as text and are checked here, so that every bad
     * value is named in one problem body.
     *
     * @param page       zero-based page number (default 0)
     * @param size       rows per page, 1 to 500 (default 50)
     * @param username   only this user's rows
     * @param action     only this action, e.g. {@code CASE_READ}
     * @param objectType only this kind of object, e.g. {@code CASE}
     * @param objectId   only this object
     * @param from       only rows at or after this ISO-8601 time with offset, e.g. {@code 2025-03-01T00:00:00Z}
     * @param to         only rows before this time
     */
    @Get(produces = MediaType.APPLICATION_JSON)
    public AuditLogPageView list(@Nullable @QueryValue String page, @Nullable @QueryValue String size,
                                 @Nullable @QueryValue String username, @Nullable @QueryValue String action,
                                 @Nullable @QueryValue String objectType, @Nullable @QueryValue String objectId,
                                 @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        List<ProblemDetail.FieldError> errors = new ArrayList<>();
        int pageNumber = integer("page", page, 0, 0, Integer.MAX_VALUE / AuditLogReader.MAX_PAGE_SIZE, errors);
        int pageSize = integer("size", size, DEFAULT_PAGE_SIZE, 1, AuditLogReader.MAX_PAGE_SIZE, errors);
        Instant fromTime = time("from", from, errors);
        Instant toTime = time("to", to, errors);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            errors.add(new ProblemDetail.FieldError("to", "must be later than from"));
        }
        AuditLogFilter filter = new AuditLogFilter(text("username", username, 128, errors),
                text("action", action, 64, errors), text("objectType", objectType, 64, errors),
                text("objectId", objectId, 128, errors), fromTime, toTime);
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_QUERY_PARAMETER",
                    errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                            .orElseThrow(), errors);
        }
        AuditLogReader.AuditLogPage result = reader.list(filter, pageNumber, pageSize);
        auditTrail.record(AuditEvent.success(AuditAction.AUDIT_READ, OBJECT_TYPE, null)
                .withDetail(describe(filter, pageNumber, pageSize)));
        return AuditLogPageView.of(result);
    }

    /** Verifies the whole chain; {@code valid: false} names the first broken row. */
    @Get(uri = "/verify", produces = MediaType.APPLICATION_JSON)
    public AuditVerificationView verify() {
        AuditVerification verification = verifier.verify();
        String detail = verification.valid()
                ? "chain intact up to row " + verification.headSequence()
                : "chain broken at row " + verification.firstBrokenSequence() + ": " + verification.reason().text();
        auditTrail.record(new AuditEvent(AuditAction.AUDIT_VERIFIED, OBJECT_TYPE, null,
                verification.valid() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED, detail));
        return AuditVerificationView.of(verification);
    }

    private static int integer(String name, String value, int absent, int min, int max,
                               List<ProblemDetail.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below like an out-of-range number
        }
        errors.add(new ProblemDetail.FieldError(name, "must be a whole number from " + min + " to " + max));
        return absent;
    }

    private static Instant time(String name, String value, List<ProblemDetail.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new ProblemDetail.FieldError(name,
                    "must be an ISO-8601 time with offset, e.g. 2025-03-01T00:00:00Z"));
            return null;
        }
    }

    private static String text(String name, String value, int maxLength, List<ProblemDetail.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            errors.add(new ProblemDetail.FieldError(name, "must be at most " + maxLength + " characters"));
            return null;
        }
        return value.trim();
    }

    /** Which filters were used, without their values: those may name people. */
    private static String describe(AuditLogFilter filter, int page, int size) {
        List<String> used = new ArrayList<>();
        if (filter.username() != null) {
            used.add("username");
        }
        if (filter.action() != null) {
            used.add("action=" + filter.action());
        }
        if (filter.objectType() != null) {
            used.add("objectType=" + filter.objectType());
        }
        if (filter.objectId() != null) {
            used.add("objectId=" + filter.objectId());
        }
        if (filter.from() != null) {
            used.add("from=" + filter.from());
        }
        if (filter.to() != null) {
            used.add("to=" + filter.to());
        }
        String text = "page " + page + ", size " + size + (used.isEmpty() ? "" : ", filter " + String.join(" ", used));
        return text.length() <= AuditEvent.MAX_DETAIL_LENGTH ? text : text.substring(0, AuditEvent.MAX_DETAIL_LENGTH);
    }
}
