-- Users of this agency node. Every user belongs to the node's agency, so the agency is not a column.
-- Roles are a small closed set held as an array: no join on the hot path of every login and refresh.
CREATE TABLE user_account (
    id              UUID PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL UNIQUE CHECK (username ~ '^[a-z][a-z0-9._-]{2,63}$'),
    display_name    VARCHAR(120) NOT NULL,
    email           VARCHAR(254) NOT NULL,
    roles           TEXT[]       NOT NULL
        CHECK (cardinality(roles) >= 1 AND roles <@ ARRAY['LIAISON', 'SUPERVISOR', 'ANALYST', 'ADMIN']::TEXT[]),
    -- Argon2id in PHC string format: algorithm parameters and salt travel with the hash.
    password_hash   VARCHAR(255) NOT NULL,
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins   INTEGER      NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
    locked_until    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);

-- Refresh tokens are stored only as SHA-256 hashes: a database leak does not hand out sessions. A token is usable
-- while it is neither expired nor revoked and its user is enabled.
CREATE TABLE refresh_token (
    token_hash      CHAR(64)     PRIMARY KEY,
    user_id         UUID         NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    issued_at       TIMESTAMPTZ  NOT NULL,
    expires_at      TIMESTAMPTZ  NOT NULL,
    revoked_at      TIMESTAMPTZ
);
CREATE INDEX refresh_token_user ON refresh_token (user_id) WHERE revoked_at IS NULL;
