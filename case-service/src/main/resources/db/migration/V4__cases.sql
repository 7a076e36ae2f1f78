-- Cases this node leads and read-only copies of partners' cases shared with it (lead_agency tells which).
CREATE TABLE case_file (
    id                UUID PRIMARY KEY,
    reference         VARCHAR(64)   NOT NULL UNIQUE,
    lead_agency       VARCHAR(32)   NOT NULL,
    title             VARCHAR(200)  NOT NULL,
    summary           VARCHAR(20000) NOT NULL,
    crime_categories  TEXT[]        NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    priority          VARCHAR(16)   NOT NULL,
    marking           VARCHAR(16)   NOT NULL,
    named_recipients  TEXT[]        NOT NULL DEFAULT '{}',
    version           BIGINT        NOT NULL,
    opened_at         TIMESTAMPTZ   NOT NULL,
    updated_at        TIMESTAMPTZ   NOT NULL,
    created_by        VARCHAR(64),
    -- 'simple' keeps words as written: cases come in many languages, and no single stemmer fits them all.
    search            TSVECTOR GENERATED ALWAYS AS (
                          to_tsvector('simple', title || ' ' || summary)) STORED
);
CREATE INDEX case_file_search ON case_file USING GIN (search);
CREATE INDEX case_file_categories ON case_file USING GIN (crime_categories);
CREATE INDEX case_file_updated ON case_file (updated_at DESC);

-- Partners a case is shared with. At the lead agency: its shares and their revocation and purge; on a copy: the
-- partners the lead named in its last message.
CREATE TABLE case_share (
    case_id           UUID          NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    agency            VARCHAR(32)   NOT NULL,
    status            VARCHAR(16)   NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED', 'PURGED')),
    shared_at         TIMESTAMPTZ   NOT NULL,
    shared_by         VARCHAR(64),
    revoked_at        TIMESTAMPTZ,
    purged_at         TIMESTAMPTZ,
    PRIMARY KEY (case_id, agency)
);
CREATE INDEX case_share_agency ON case_share (agency, status);

CREATE TABLE case_contribution (
    id                UUID PRIMARY KEY,
    case_id           UUID          NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    agency            VARCHAR(32)   NOT NULL,
    author            VARCHAR(64)   NOT NULL,
    kind              VARCHAR(16)   NOT NULL,
    text              VARCHAR(10000) NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL
);
CREATE INDEX case_contribution_case ON case_contribution (case_id, created_at);

-- Running numbers of case references per year.
CREATE TABLE case_reference_counter (
    year              INT PRIMARY KEY,
    last_number       BIGINT NOT NULL
);
