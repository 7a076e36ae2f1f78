-- Evidence requests between two agencies. Both nodes hold a row for the same request (same id): 'direction' says
-- which side this node is on. Every milestone keeps its own timestamp (UTC) so turnaround and on-time rates are plain
-- SQL: e.g. fulfilled_at - received_at - paused_seconds, or fulfilled_at <= response_due_at.
CREATE TABLE evidence_request (
    id                       UUID PRIMARY KEY,
    reference                VARCHAR(64)    NOT NULL UNIQUE,
    direction                VARCHAR(8)     NOT NULL CHECK (direction IN ('OUTBOUND', 'INBOUND')),
    case_id                  UUID           NOT NULL,  -- the requesting agency's case; the requested node may hold no copy
    case_reference           VARCHAR(64),
    requesting_agency        VARCHAR(32)    NOT NULL,
    requested_agency         VARCHAR(32)    NOT NULL,
    instrument               VARCHAR(48)    NOT NULL,
    request_type             VARCHAR(24)    NOT NULL,
    urgency                  VARCHAR(16)    NOT NULL,
    accessibility            VARCHAR(16),
    legal_basis              VARCHAR(2000)  NOT NULL,
    justification            VARCHAR(20000) NOT NULL,
    crime_categories         TEXT[]         NOT NULL DEFAULT '{}',
    marking                  VARCHAR(16)    NOT NULL,
    status                   VARCHAR(24)    NOT NULL,
    author                   VARCHAR(64)    NOT NULL,
    approver                 VARCHAR(64),
    proposed_due_at          TIMESTAMPTZ,   -- due date the requester proposes where no legal limit exists
    agreed_due_at            TIMESTAMPTZ,   -- set on acceptance from the proposal
    refusal_ground           VARCHAR(32),
    refusal_detail           VARCHAR(2000),
    -- milestones (UTC); null until reached
    created_at               TIMESTAMPTZ    NOT NULL,
    submitted_at             TIMESTAMPTZ,
    approved_at              TIMESTAMPTZ,
    sent_at                  TIMESTAMPTZ,
    received_at              TIMESTAMPTZ,   -- the requested agency's receipt: the legal clocks start here
    decided_at               TIMESTAMPTZ,   -- acceptance or refusal
    first_fulfilled_at       TIMESTAMPTZ,   -- first delivery, partial or complete
    fulfilled_at             TIMESTAMPTZ,   -- complete delivery
    closed_at                TIMESTAMPTZ,   -- CLOSED, REFUSED or WITHDRAWN
    updated_at               TIMESTAMPTZ    NOT NULL,
    -- the legal clock as of the last change
    response_due_at          TIMESTAMPTZ,   -- deadline of the final milestone (EXECUTE or RESPOND), pauses included
    response_milestone       VARCHAR(16),
    next_due_at              TIMESTAMPTZ,   -- earliest deadline not yet met; drives 'time left' and sorting
    next_milestone           VARCHAR(16),
    paused_seconds           BIGINT         NOT NULL DEFAULT 0,  -- closed pauses (information awaited)
    paused_since             TIMESTAMPTZ,   -- start of the pause still open, if any
    preservation_expires_at  TIMESTAMPTZ,
    extensions_used          INT            NOT NULL DEFAULT 0,
    manifest_mismatch        BOOLEAN        NOT NULL DEFAULT false,
    version                  BIGINT         NOT NULL
);
CREATE INDEX evidence_request_case ON evidence_request (case_id);
CREATE INDEX evidence_request_status ON evidence_request (status, direction);
CREATE INDEX evidence_request_next_due ON evidence_request (next_due_at) WHERE next_due_at IS NOT NULL;
CREATE INDEX evidence_request_partner ON evidence_request (requested_agency, requesting_agency);
CREATE INDEX evidence_request_received ON evidence_request (received_at);
CREATE INDEX evidence_request_instrument ON evidence_request (instrument, received_at);

-- The identifiers a request concerns, in the order the requester listed them.
CREATE TABLE evidence_request_item (
    request_id               UUID           NOT NULL REFERENCES evidence_request (id) ON DELETE CASCADE,
    position                 INT            NOT NULL,
    item_id                  UUID           NOT NULL,
    item_type                VARCHAR(24)    NOT NULL,
    value                    VARCHAR(2048)  NOT NULL,
    qualifier                VARCHAR(256),   -- service of an account, chain of a crypto address, hash algorithm
    port                     INT,
    observed_at              TIMESTAMPTZ,
    range_from               TIMESTAMPTZ,
    range_to                 TIMESTAMPTZ,
    PRIMARY KEY (request_id, position)
);

-- Every transition, oldest first, as both sides record it.
CREATE TABLE evidence_request_history (
    request_id               UUID           NOT NULL REFERENCES evidence_request (id) ON DELETE CASCADE,
    position                 INT            NOT NULL,
    transition               VARCHAR(32)    NOT NULL,
    side                     VARCHAR(16)    NOT NULL,
    status_from              VARCHAR(24)    NOT NULL,
    status_to                VARCHAR(24)    NOT NULL,
    at                       TIMESTAMPTZ    NOT NULL,
    by_user                  VARCHAR(130)   NOT NULL,
    note                     VARCHAR(20000),
    message_id               UUID,           -- the partner message that carried it (sent or received)
    PRIMARY KEY (request_id, position)
);
CREATE INDEX evidence_request_history_at ON evidence_request_history (transition, at);

-- Times the requested agency waited for information; the clocks do not run during them.
CREATE TABLE evidence_request_pause (
    request_id               UUID           NOT NULL REFERENCES evidence_request (id) ON DELETE CASCADE,
    started_at               TIMESTAMPTZ    NOT NULL,
    ended_at                 TIMESTAMPTZ,
    PRIMARY KEY (request_id, started_at)
);

-- Deliveries of evidence: one manifest per fulfilment message, partial or complete.
CREATE TABLE evidence_manifest (
    id                       UUID PRIMARY KEY,
    request_id               UUID           NOT NULL REFERENCES evidence_request (id) ON DELETE CASCADE,
    complete                 BOOLEAN        NOT NULL,
    produced_by              VARCHAR(32)    NOT NULL,
    produced_at              TIMESTAMPTZ    NOT NULL,
    recorded_at              TIMESTAMPTZ    NOT NULL,
    manifest_hash            CHAR(64)       NOT NULL,  -- SHA-256 of the canonical encoding when recorded
    verification             VARCHAR(16)    NOT NULL CHECK (verification IN ('INTACT', 'MISMATCH')),
    discrepancies            JSONB          NOT NULL DEFAULT '[]'::jsonb,
    delivery_channel         VARCHAR(200),
    delivery_reference       VARCHAR(500),
    note                     VARCHAR(2000),
    message_id               UUID
);
CREATE INDEX evidence_manifest_request ON evidence_manifest (request_id, produced_at);

CREATE TABLE evidence_manifest_item (
    manifest_id              UUID           NOT NULL REFERENCES evidence_manifest (id) ON DELETE CASCADE,
    position                 INT            NOT NULL,
    evidence_id              UUID           NOT NULL,
    request_item_id          UUID,
    description              VARCHAR(2000)  NOT NULL,
    media_type               VARCHAR(255)   NOT NULL,
    size_bytes               BIGINT         NOT NULL,
    sha256                   CHAR(64)       NOT NULL,
    acquired_at              TIMESTAMPTZ    NOT NULL,
    acquisition_method       VARCHAR(2000)  NOT NULL,
    PRIMARY KEY (manifest_id, position)
);
CREATE INDEX evidence_manifest_item_evidence ON evidence_manifest_item (evidence_id);

-- Chain of custody per manifest item: the entries the producer declared (origin MANIFEST, covered by the hash) and
-- those this node added on receipt (origin LOCAL).
CREATE TABLE evidence_custody_entry (
    manifest_id              UUID           NOT NULL,
    item_position            INT            NOT NULL,
    position                 INT            NOT NULL,
    origin                   VARCHAR(8)     NOT NULL CHECK (origin IN ('MANIFEST', 'LOCAL')),
    handled_by               VARCHAR(200)   NOT NULL,
    at                       TIMESTAMPTZ    NOT NULL,
    action                   VARCHAR(16)    NOT NULL,
    note                     VARCHAR(2000),
    PRIMARY KEY (manifest_id, item_position, position),
    FOREIGN KEY (manifest_id, item_position) REFERENCES evidence_manifest_item (manifest_id, position)
        ON DELETE CASCADE
);

-- Deadline notifications already raised: one row per request, milestone, threshold and clock cycle (the nominal
-- deadline, or the preservation expiry, which an extension moves). The monitor inserts the row and the domain event
-- in one transaction; the primary key makes concurrent monitors and restarts raise each threshold once.
CREATE TABLE deadline_notification (
    request_id               UUID           NOT NULL REFERENCES evidence_request (id) ON DELETE CASCADE,
    milestone                VARCHAR(16)    NOT NULL,
    threshold                VARCHAR(24)    NOT NULL,
    cycle_due_at             TIMESTAMPTZ    NOT NULL,
    due_at                   TIMESTAMPTZ    NOT NULL,
    notified_at              TIMESTAMPTZ    NOT NULL,
    event_id                 UUID           NOT NULL,
    PRIMARY KEY (request_id, milestone, threshold, cycle_due_at)
);
CREATE INDEX deadline_notification_notified ON deadline_notification (notified_at);

-- Running numbers of request references per year.
CREATE TABLE evidence_request_reference_counter (
    year                     INT PRIMARY KEY,
    last_number              BIGINT NOT NULL
);
