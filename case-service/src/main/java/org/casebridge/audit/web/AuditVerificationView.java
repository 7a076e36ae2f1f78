package org.casebridge.audit.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import org.casebridge.audit.domain.AuditVerification;

/**
 * The result of verifying the chain, e.g. {@code {"valid":true,"rowsChecked":1200,...}} or
 * {@code {"valid":false,"firstBrokenSequence":17,"reason":"hash mismatch",...}}.
 *
 * @param valid               whether every row verified
 * @param rowsChecked         rows that verified before the first break
 * @param headSequence        the chain head verification ran up to
 * @param headHash            its hash
 * @param firstBrokenSequence first row that failed (absent if valid)
 * @param reason              {@code hash mismatch}, {@code broken link}, {@code missing row} or {@code head mismatch}
 * @param detail              what exactly did not match
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerificationView(boolean valid, long rowsChecked, long headSequence, String headHash,
                                    Long firstBrokenSequence, String reason, String detail) {

    static AuditVerificationView of(AuditVerification v) {
        return new AuditVerificationView(v.valid(), v.rowsChecked(), v.headSequence(), v.headHash(),
                v.firstBrokenSequence(), v.reason() == null ? null : v.reason().text(), v.detail());
    }
}
