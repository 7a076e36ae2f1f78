-- Exports that run in the background: one row per job, its progress, and the file it wrote. A finished file can be
-- downloaded by its owner until expires_at; then it is deleted and the job says EXPIRED.
CREATE TABLE export_job (
    id              UUID PRIMARY KEY,
    owner           VARCHAR(64)   NOT NULL,
    dataset         VARCHAR(32)   NOT NULL,
    format          VARCHAR(8)    NOT NULL,
    filters         JSONB         NOT NULL,
    status          VARCHAR(16)   NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED',
                                                             'EXPIRED')),
    total_rows      BIGINT,
    rows_written    BIGINT        NOT NULL DEFAULT 0,
    bytes_written   BIGINT        NOT NULL DEFAULT 0,
    sha256          CHAR(64),
    error           VARCHAR(500),
    created_at      TIMESTAMPTZ   NOT NULL,
    started_at      TIMESTAMPTZ,
    progress_at     TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    expires_at      TIMESTAMPTZ
);
CREATE INDEX export_job_owner ON export_job (owner, created_at DESC);
CREATE INDEX export_job_expiry ON export_job (expires_at) WHERE status = 'SUCCEEDED';
