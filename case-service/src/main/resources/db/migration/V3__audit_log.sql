-- Audit log: every read and write of case data, appended as a hash chain (format casebridge-audit-v1, computed by
-- the node; see the security documentation). The database keeps it append-only: rows can be inserted, never
-- updated, deleted or truncated, and each insert must extend the chain head.

CREATE TABLE audit_log (
    -- Gapless position in the chain, handed out under the head's row lock; it is also the key. A serial id would
    -- have gaps after rollbacks and could not tell a deleted row from an unused number.
    sequence_number BIGINT       PRIMARY KEY CHECK (sequence_number > 0),
    occurred_at     TIMESTAMPTZ  NOT NULL,
    username        VARCHAR(128) NOT NULL,
    agency          VARCHAR(32)  NOT NULL,
    roles           VARCHAR(256) NOT NULL,
    action          VARCHAR(64)  NOT NULL,
    object_type     VARCHAR(64),
    object_id       VARCHAR(128),
    outcome         VARCHAR(16)  NOT NULL CHECK (outcome IN ('SUCCESS', 'DENIED', 'FAILED', 'REFUSED')),
    request_id      VARCHAR(64),
    detail          VARCHAR(500),
    prev_hash       CHAR(64)     NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    hash            CHAR(64)     NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX audit_log_username ON audit_log (username, sequence_number);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id, sequence_number);
CREATE INDEX audit_log_action ON audit_log (action, sequence_number);
CREATE INDEX audit_log_occurred_at ON audit_log (occurred_at);

-- The end of the chain. Appenders lock this one row (SELECT ... FOR UPDATE) for the rest of their transaction, so
-- they append one after another and each sees the hash the previous one committed: the chain cannot fork.
CREATE TABLE audit_chain_head (
    singleton     BOOLEAN  PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    last_sequence BIGINT   NOT NULL CHECK (last_sequence >= 0),
    last_hash     CHAR(64) NOT NULL CHECK (last_hash ~ '^[0-9a-f]{64}$')
);
INSERT INTO audit_chain_head (singleton, last_sequence, last_hash) VALUES (TRUE, 0, repeat('0', 64));

-- Rows are immutable: any UPDATE, DELETE or TRUNCATE statement fails, whoever runs it (triggers fire for the owner
-- and for superusers too; only disabling the trigger gets past, which verification then detects).
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- An inserted row must be the next link of the chain; the head then moves to it in the same transaction.
CREATE FUNCTION audit_log_extend_head() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head audit_chain_head%ROWTYPE;
BEGIN
    SELECT * INTO head FROM audit_chain_head FOR UPDATE;
    IF NEW.sequence_number <> head.last_sequence + 1 OR NEW.prev_hash <> head.last_hash THEN
        RAISE EXCEPTION 'audit_log row % does not extend the chain head at row %',
            NEW.sequence_number, head.last_sequence
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    UPDATE audit_chain_head SET last_sequence = NEW.sequence_number, last_hash = NEW.hash;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_log_extends_head
    BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_extend_head();

-- The head moves only with an appended row (that is, from the trigger above, one trigger level down), and is never
-- deleted.
CREATE FUNCTION audit_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_chain_head moves only when a row is appended to audit_log: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_chain_head_guarded
    BEFORE UPDATE OR DELETE ON audit_chain_head
    FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard();
CREATE TRIGGER audit_chain_head_no_truncate
    BEFORE TRUNCATE ON audit_chain_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
