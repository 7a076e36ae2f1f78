-- Transactional outbox: a business change and the messages it causes commit together; the relay publishes rows in
-- commit order. Column names follow Debezium's outbox convention (aggregatetype, aggregateid, type, payload) so a
-- CDC relay could replace the poller.
CREATE TABLE outbox_message (
    id              UUID PRIMARY KEY,
    position        BIGSERIAL NOT NULL UNIQUE,
    aggregatetype   VARCHAR(64)  NOT NULL,
    aggregateid     VARCHAR(64)  NOT NULL,
    type            VARCHAR(96)  NOT NULL,
    topic           VARCHAR(249) NOT NULL,
    recipient       VARCHAR(32),
    payload         BYTEA        NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at    TIMESTAMPTZ
);
CREATE INDEX outbox_message_unpublished ON outbox_message (position) WHERE published_at IS NULL;

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
