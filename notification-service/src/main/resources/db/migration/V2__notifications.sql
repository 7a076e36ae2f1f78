-- The node's users as the case-service's directory last listed them; the case-service owns the accounts.
CREATE TABLE directory_user (
    username     VARCHAR(64) PRIMARY KEY,
    user_id      UUID,
    display_name VARCHAR(200) NOT NULL,
    email        VARCHAR(320),
    roles        VARCHAR(16)[] NOT NULL,
    enabled      BOOLEAN NOT NULL,
    synced_at    TIMESTAMPTZ NOT NULL
);

-- A user's choice over the role defaults: enabled = true adds a type, false mutes it.
CREATE TABLE event_type_preference (
    username   VARCHAR(64) NOT NULL,
    event_type VARCHAR(64) NOT NULL,
    enabled    BOOLEAN NOT NULL,
    PRIMARY KEY (username, event_type)
);

-- Cases, requests and joint actions a user follows (following = true) or unfollowed (false).
CREATE TABLE subject_follow (
    username       VARCHAR(64) NOT NULL,
    subject_id     UUID NOT NULL,
    following      BOOLEAN NOT NULL,
    source         VARCHAR(8) NOT NULL CHECK (source IN ('AUTO', 'USER')),
    case_reference VARCHAR(64),
    updated_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (username, subject_id)
);

CREATE TABLE delivery_preference (
    username   VARCHAR(64) PRIMARY KEY,
    email_mode VARCHAR(16) NOT NULL CHECK (email_mode IN ('IMMEDIATE', 'DIGEST', 'OFF'))
);

CREATE TABLE notification (
    id                 UUID PRIMARY KEY,
    recipient          VARCHAR(64) NOT NULL,
    event_id           UUID NOT NULL,
    event_type         VARCHAR(64) NOT NULL,
    subject_kind       VARCHAR(32) NOT NULL,
    subject_id         UUID NOT NULL,
    case_reference     VARCHAR(64),
    counterpart_agency VARCHAR(32),
    title              TEXT NOT NULL,
    summary            TEXT,
    handling_marking   VARCHAR(16) NOT NULL,
    deadline           TIMESTAMPTZ,
    occurred_at        TIMESTAMPTZ NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    read_at            TIMESTAMPTZ,
    -- NONE: no mail; PENDING: to send now; DIGEST: for the next digest; SENT; FAILED: given up.
    email_state        VARCHAR(8) NOT NULL CHECK (email_state IN ('NONE', 'PENDING', 'DIGEST', 'SENT', 'FAILED')),
    email_attempts     INT NOT NULL DEFAULT 0,
    email_next_at      TIMESTAMPTZ,
    email_error        TEXT,
    UNIQUE (recipient, event_id)
);
CREATE INDEX notification_inbox ON notification (recipient, (read_at IS NULL) DESC, created_at DESC);
CREATE INDEX notification_mail_due ON notification (email_next_at) WHERE email_state = 'PENDING';

CREATE TABLE webhook (
    id                   UUID PRIMARY KEY,
    url                  VARCHAR(2048) NOT NULL,
    secret               VARCHAR(128) NOT NULL,
    event_types          VARCHAR(64)[] NOT NULL,
    description          VARCHAR(200),
    enabled              BOOLEAN NOT NULL,
    consecutive_failures INT NOT NULL DEFAULT 0,
    disabled_at          TIMESTAMPTZ,
    disabled_reason      TEXT,
    created_by           VARCHAR(64) NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    deleted              BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE webhook_delivery (
    id           UUID PRIMARY KEY,
    webhook_id   UUID NOT NULL REFERENCES webhook (id),
    event_id     UUID NOT NULL,
    event_type   VARCHAR(64) NOT NULL,
    payload      TEXT NOT NULL,
    -- PENDING: waiting for its next attempt; DELIVERED; FAILED: attempts used up; ABANDONED: endpoint disabled/deleted.
    status       VARCHAR(10) NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'ABANDONED')),
    attempts     INT NOT NULL DEFAULT 0,
    next_at      TIMESTAMPTZ NOT NULL,
    last_status  INT,
    last_error   TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    delivered_at TIMESTAMPTZ,
    UNIQUE (webhook_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_at) WHERE status = 'PENDING';

-- Short-lived, single-use tickets for the browser's event stream; only their SHA-256 is stored.
CREATE TABLE stream_ticket (
    ticket_hash CHAR(64) PRIMARY KEY,
    username    VARCHAR(64) NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);

-- Administrative changes (webhooks) and the service's own decisions about them.
CREATE TABLE audit_entry (
    id       BIGSERIAL PRIMARY KEY,
    at       TIMESTAMPTZ NOT NULL,
    actor    VARCHAR(64) NOT NULL,
    action   VARCHAR(64) NOT NULL,
    subject  VARCHAR(200) NOT NULL,
    detail   TEXT
);
