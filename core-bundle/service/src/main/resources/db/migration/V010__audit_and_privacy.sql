-- The audit trail (NEN 7513) and the privacy officer's erasures.
-- Portable SQL (Derby and PostgreSQL), as V001.

-- One row per audited event: every read, write, search, export, denied attempt and audit
-- read. Never case content, never a BSN, never a name: the youth by id and pseudonym only.
-- Append-only: each row's hash = SHA-256(previous_hash + the row's canonical form), so an
-- altered, inserted or removed row breaks the chain. occurred_at is UTC text
-- (yyyy-MM-ddTHH:mm:ss.SSSZ) so that it hashes the same on every database and time zone.
CREATE TABLE audit_event (
    seq             BIGINT        NOT NULL PRIMARY KEY,
    event_id        VARCHAR(36)   NOT NULL,
    occurred_at     VARCHAR(24)   NOT NULL,
    action          VARCHAR(16)   NOT NULL,
    resource        VARCHAR(120)  NOT NULL,
    outcome         VARCHAR(16)   NOT NULL,
    http_status     INTEGER       NOT NULL,
    user_name       VARCHAR(200)  NOT NULL,
    partner_id      VARCHAR(64),
    roles           VARCHAR(500)  NOT NULL,
    purpose         VARCHAR(64)   NOT NULL,
    legal_basis     VARCHAR(200)  NOT NULL,
    case_id         VARCHAR(64),
    youth_id        VARCHAR(36),
    youth_pseudonym VARCHAR(64),
    object_id       VARCHAR(200),
    channel         VARCHAR(16)   NOT NULL,
    source_address  VARCHAR(64)   NOT NULL,
    detail          VARCHAR(500),
    previous_hash   VARCHAR(64)   NOT NULL,
    hash            VARCHAR(64)   NOT NULL,
    CONSTRAINT audit_event_id_unique UNIQUE (event_id)
);
CREATE INDEX audit_event_case ON audit_event (case_id);
CREATE INDEX audit_event_youth ON audit_event (youth_id);
CREATE INDEX audit_event_time ON audit_event (occurred_at);

-- The chain's head (one row, locked by every append, so appends from several nodes queue
-- up) and its anchor: when retention removes the oldest rows, the chain goes on from the
-- hash of the last removed row, and the removal itself is an audited event.
CREATE TABLE audit_head (
    id              SMALLINT      NOT NULL PRIMARY KEY,
    last_seq        BIGINT        NOT NULL,
    last_hash       VARCHAR(64)   NOT NULL,
    anchor_seq      BIGINT        NOT NULL,
    anchor_hash     VARCHAR(64)   NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash, anchor_seq, anchor_hash) VALUES (1, 0,
    '0000000000000000000000000000000000000000000000000000000000000000', 0,
    '0000000000000000000000000000000000000000000000000000000000000000');

-- What was erased, when, by whom and on which ground: no personal data, only counts.
CREATE TABLE erasure (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    youth_id        VARCHAR(36)   NOT NULL,
    case_id         VARCHAR(36),
    reason          VARCHAR(16)   NOT NULL,
    legal_basis     VARCHAR(500),
    reference       VARCHAR(200),
    entries_erased  INTEGER       NOT NULL,
    messages_erased INTEGER       NOT NULL,
    erased_at       TIMESTAMP     NOT NULL,
    erased_by       VARCHAR(200)  NOT NULL
);
CREATE INDEX erasure_youth ON erasure (youth_id);

-- An erased case keeps its skeleton (dates, status, crisis and repeat flags, partners) for
-- the anonymised counts of reports; an erased youth keeps only its id.
ALTER TABLE care_case ADD COLUMN erased_at TIMESTAMP;
ALTER TABLE youth ADD COLUMN erased_at TIMESTAMP;
