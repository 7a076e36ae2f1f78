-- Joint enforcement actions this agency coordinates, or takes part in (a copy kept in step by the coordinator's
-- messages). coordinating_agency tells which.
CREATE TABLE joint_action (
    id                  UUID PRIMARY KEY,
    coordinating_agency VARCHAR(32)    NOT NULL,
    title               VARCHAR(200)   NOT NULL,
    objective           VARCHAR(10000) NOT NULL,
    status              VARCHAR(16)    NOT NULL CHECK (status IN ('PROPOSED', 'PLANNING', 'READY', 'GO', 'NO_GO',
                                                                  'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
    marking             VARCHAR(16)    NOT NULL,
    -- The action window, always UTC; every participant's local view is computed from its IANA zone.
    window_start        TIMESTAMPTZ    NOT NULL,
    window_end          TIMESTAMPTZ    NOT NULL CHECK (window_end > window_start),
    case_references     TEXT[]         NOT NULL DEFAULT '{}',
    -- Only at the coordinator: its own cases behind case_references, and whether accepting participants get them.
    linked_case_ids     UUID[]         NOT NULL DEFAULT '{}',
    share_linked_cases  BOOLEAN        NOT NULL DEFAULT FALSE,
    plan_revision       BIGINT         NOT NULL,
    status_reason       VARCHAR(2000),
    proposed_at         TIMESTAMPTZ    NOT NULL,
    proposed_by         VARCHAR(64),
    updated_at          TIMESTAMPTZ    NOT NULL
);
CREATE INDEX joint_action_status ON joint_action (status, window_start);
CREATE INDEX joint_action_window ON joint_action (window_start, window_end);

-- Every agency of an action (the coordinator too) with its role, tasks, targets, answer and readiness.
CREATE TABLE joint_action_participant (
    action_id           UUID           NOT NULL REFERENCES joint_action (id) ON DELETE CASCADE,
    agency              VARCHAR(32)    NOT NULL,
    position            INT            NOT NULL,
    role                VARCHAR(16)    NOT NULL CHECK (role IN ('COORDINATOR', 'PARTICIPANT', 'SUPPORT', 'OBSERVER')),
    time_zone           VARCHAR(64)    NOT NULL,
    tasks               TEXT[]         NOT NULL DEFAULT '{}',
    targets             TEXT[]         NOT NULL DEFAULT '{}',
    answer              VARCHAR(16)    NOT NULL CHECK (answer IN ('PENDING', 'ACCEPTED', 'DECLINED')),
    answer_note         VARCHAR(2000),
    answered_at         TIMESTAMPTZ,
    readiness           VARCHAR(16)    NOT NULL CHECK (readiness IN ('UNDECLARED', 'READY', 'NOT_READY')),
    readiness_note      VARCHAR(2000),
    readiness_at        TIMESTAMPTZ,
    PRIMARY KEY (action_id, agency)
);
CREATE INDEX joint_action_participant_agency ON joint_action_participant (agency);

-- One outcome report per participant and action; a later report replaces the earlier one, so a plain SUM over
-- these rows is the action's total. Counts are non-negative integers.
CREATE TABLE joint_action_outcome (
    action_id           UUID           NOT NULL REFERENCES joint_action (id) ON DELETE CASCADE,
    agency              VARCHAR(32)    NOT NULL,
    arrests             INT            NOT NULL CHECK (arrests >= 0),
    searches            INT            NOT NULL CHECK (searches >= 0),
    devices_seized      INT            NOT NULL CHECK (devices_seized >= 0),
    servers_taken_down  INT            NOT NULL CHECK (servers_taken_down >= 0),
    domains_taken_down  INT            NOT NULL CHECK (domains_taken_down >= 0),
    victims_identified  INT            NOT NULL CHECK (victims_identified >= 0),
    note                VARCHAR(2000),
    reported_at         TIMESTAMPTZ    NOT NULL,
    reported_by         VARCHAR(64),
    PRIMARY KEY (action_id, agency)
);

-- Assets seized, one row each, with their value exact in the currency's minor unit (ISO 4217 exponent in
-- minor_unit); amount is the same value in major units, for SUM(amount) GROUP BY currency.
CREATE TABLE joint_action_asset_seizure (
    action_id           UUID           NOT NULL,
    agency              VARCHAR(32)    NOT NULL,
    position            INT            NOT NULL,
    kind                VARCHAR(16)    NOT NULL CHECK (kind IN ('BANK_FUNDS', 'CRYPTOCURRENCY', 'CASH', 'VEHICLE',
                                                                'REAL_ESTATE', 'OTHER')),
    description         VARCHAR(500)   NOT NULL,
    amount_minor        BIGINT         NOT NULL CHECK (amount_minor >= 0),
    currency            CHAR(3)        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    minor_unit          SMALLINT       NOT NULL CHECK (minor_unit BETWEEN 0 AND 4),
    amount              NUMERIC(24, 4) GENERATED ALWAYS AS (amount_minor::numeric / (10::numeric ^ minor_unit)) STORED,
    PRIMARY KEY (action_id, agency, position),
    FOREIGN KEY (action_id, agency) REFERENCES joint_action_outcome (action_id, agency) ON DELETE CASCADE
);
CREATE INDEX joint_action_asset_currency ON joint_action_asset_seizure (currency);
