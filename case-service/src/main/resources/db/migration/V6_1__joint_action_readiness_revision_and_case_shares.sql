-- The plan revision at which a plan change last took back a participant's readiness. A readiness declared for an
-- earlier revision (one that crossed the change on its way) no longer counts. Existing rows: nothing was taken back
-- that can be told apart any more, so they start at revision 1 (earlier behaviour).
ALTER TABLE joint_action_participant ADD COLUMN readiness_required_from BIGINT NOT NULL DEFAULT 1
    CHECK (readiness_required_from >= 1);

-- Only at the coordinator: what became of each linked case when a participant accepted and the coordinator had
-- consented to share the linked cases. SKIPPED rows say why the case could not be shared (reason_code from the
-- sharing rules, e.g. MARKING_CEILING or RED_NOT_NAMED, or UNKNOWN_CASE when the case is gone).
CREATE TABLE joint_action_case_share (
    action_id   UUID          NOT NULL REFERENCES joint_action (id) ON DELETE CASCADE,
    case_id     UUID          NOT NULL,
    agency      VARCHAR(32)   NOT NULL,
    outcome     VARCHAR(16)   NOT NULL CHECK (outcome IN ('SHARED', 'SKIPPED')),
    reason_code VARCHAR(32),
    reason      VARCHAR(500),
    decided_at  TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (action_id, case_id, agency),
    CHECK ((outcome = 'SKIPPED') = (reason_code IS NOT NULL))
);
