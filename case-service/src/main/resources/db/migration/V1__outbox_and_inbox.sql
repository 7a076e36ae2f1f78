-- Transactional outbox: a business change and the messages it causes commit together; the relay publishes rows in
-- position order. Column names follow Debezium's outbox convention (aggregatetype, aggregateid, type, payload) so a
-- CDC relay could replace the poller.
CREATE TABLE outbox_message (
    id              UUID PRIMARY KEY,
    position        BIGSERIAL    NOT NULL UNIQUE,
    aggregatetype   VARCHAR(64)  NOT NULL,
    aggregateid     VARCHAR(64)  NOT NULL,
    type            VARCHAR(96)  NOT NULL,
    topic           VARCHAR(249) NOT NULL,
    recipient       VARCHAR(32),
    headers         JSONB        NOT NULL DEFAULT '{}'::jsonb,
    payload         BYTEA        NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at    TIMESTAMPTZ
);
CREATE INDEX outbox_message_unpublished ON outbox_message (position) WHERE published_at IS NULL;
CREATE INDEX outbox_message_published_at ON outbox_message (published_at) WHERE published_at IS NOT NULL;

-- The next sequence number per recipient. Taking the row lock when a message is written orders the numbers of one
-- recipient in commit order, which the relay then preserves.
CREATE TABLE outbound_sequence (
    recipient       VARCHAR(32)  PRIMARY KEY,
    last_sequence   BIGINT       NOT NULL
);

-- Delivery state of every message sent to a partner, as the sender sees it: pending in the outbox, published to
-- Kafka, then applied or refused according to the partner's receipt.
CREATE TABLE message_delivery (
    message_id      UUID PRIMARY KEY,
    recipient       VARCHAR(32)  NOT NULL,
    type            VARCHAR(96)  NOT NULL,
    aggregatetype   VARCHAR(64)  NOT NULL,
    aggregateid     VARCHAR(64)  NOT NULL,
    sequence_number BIGINT       NOT NULL,
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'PUBLISHED', 'APPLIED', 'REFUSED')),
    reason_code     VARCHAR(48),
    reason_text     VARCHAR(1000),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at    TIMESTAMPTZ,
    answered_at     TIMESTAMPTZ
);
CREATE INDEX message_delivery_aggregate ON message_delivery (aggregatetype, aggregateid, created_at);

-- Idempotent inbox (Debezium calls it the message log): a consumed message is applied and recorded in one
-- transaction, so a redelivered record is recognised and not applied twice.
CREATE TABLE inbox_message (
    message_id      UUID PRIMARY KEY,
    sender          VARCHAR(32)  NOT NULL,
    type            VARCHAR(96)  NOT NULL,
    sequence_number BIGINT       NOT NULL,
    outcome         VARCHAR(16)  NOT NULL CHECK (outcome IN ('APPLIED', 'REFUSED')),
    reason_code     VARCHAR(48),
    received_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The highest sequence number seen per sender and the gaps noticed, for /health and metrics.
CREATE TABLE inbound_sequence (
    sender          VARCHAR(32)  PRIMARY KEY,
    last_sequence   BIGINT       NOT NULL,
    gaps            BIGINT       NOT NULL DEFAULT 0,
    last_gap_at     TIMESTAMPTZ
);
