-- The shared case model and the durable inbox.
-- Portable SQL (Derby and PostgreSQL): no vendor types beyond BLOB/CLOB, ids are text.

CREATE TABLE youth (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    bsn_pseudonym   VARCHAR(64),
    bsn_encrypted   VARCHAR(200),
    given_name      VARCHAR(200)  NOT NULL,
    family_name     VARCHAR(200)  NOT NULL,
    birth_date      DATE,
    created_at      TIMESTAMP     NOT NULL,
    CONSTRAINT youth_bsn_pseudonym_unique UNIQUE (bsn_pseudonym)
);

CREATE TABLE care_case (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    youth_id        VARCHAR(36)   NOT NULL REFERENCES youth (id),
    status          VARCHAR(16)   NOT NULL,
    opened_on       DATE          NOT NULL,
    crisis          SMALLINT      NOT NULL,
    repeat_of       VARCHAR(36),
    closed_on       DATE,
    close_reason    VARCHAR(2000),
    created_at      TIMESTAMP     NOT NULL
);
CREATE INDEX care_case_youth ON care_case (youth_id);

CREATE TABLE case_partner (
    case_id         VARCHAR(36)   NOT NULL REFERENCES care_case (id),
    partner_id      VARCHAR(64)   NOT NULL,
    involved_since  TIMESTAMP     NOT NULL,
    PRIMARY KEY (case_id, partner_id)
);
CREATE INDEX case_partner_partner ON case_partner (partner_id);

CREATE TABLE case_signal (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_id         VARCHAR(36)   NOT NULL REFERENCES care_case (id),
    partner_id      VARCHAR(64)   NOT NULL,
    reference       VARCHAR(200)  NOT NULL,
    category        VARCHAR(32)   NOT NULL,
    urgency         VARCHAR(16)   NOT NULL,
    summary         VARCHAR(4000) NOT NULL,
    observed_on     DATE          NOT NULL,
    registered_at   TIMESTAMP     NOT NULL,
    CONSTRAINT case_signal_reference_unique UNIQUE (partner_id, reference)
);
CREATE INDEX case_signal_case ON case_signal (case_id);

CREATE TABLE trajectory (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_id         VARCHAR(36)   NOT NULL REFERENCES care_case (id),
    partner_id      VARCHAR(64)   NOT NULL,
    reference       VARCHAR(200)  NOT NULL,
    kind            VARCHAR(200)  NOT NULL,
    started_on      DATE          NOT NULL,
    ended_on        DATE,
    ending          VARCHAR(16),
    ending_reason   VARCHAR(200),
    registered_at   TIMESTAMP     NOT NULL,
    CONSTRAINT trajectory_reference_unique UNIQUE (partner_id, reference)
);
CREATE INDEX trajectory_case ON trajectory (case_id);

CREATE TABLE measure (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_id         VARCHAR(36)   NOT NULL REFERENCES care_case (id),
    partner_id      VARCHAR(64)   NOT NULL,
    reference       VARCHAR(200)  NOT NULL,
    kind            VARCHAR(64)   NOT NULL,
    starts_on       DATE          NOT NULL,
    ends_on         DATE,
    registered_at   TIMESTAMP     NOT NULL,
    CONSTRAINT measure_reference_unique UNIQUE (partner_id, reference, kind)
);
CREATE INDEX measure_case ON measure (case_id);

CREATE TABLE investigation (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_id         VARCHAR(36)   NOT NULL REFERENCES care_case (id),
    partner_id      VARCHAR(64)   NOT NULL,
    reference       VARCHAR(200)  NOT NULL,
    started_on      DATE          NOT NULL,
    reason          VARCHAR(4000) NOT NULL,
    registered_at   TIMESTAMP     NOT NULL,
    CONSTRAINT investigation_reference_unique UNIQUE (partner_id, reference)
);
CREATE INDEX investigation_case ON investigation (case_id);

CREATE TABLE advice (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_id         VARCHAR(36)   NOT NULL REFERENCES care_case (id),
    partner_id      VARCHAR(64)   NOT NULL,
    reference       VARCHAR(200)  NOT NULL,
    given_on        DATE          NOT NULL,
    advised         VARCHAR(64)   NOT NULL,
    explanation     VARCHAR(4000) NOT NULL,
    registered_at   TIMESTAMP     NOT NULL,
    CONSTRAINT advice_reference_unique UNIQUE (partner_id, reference, given_on)
);
CREATE INDEX advice_case ON advice (case_id);

-- Every raw partner message, stored (encrypted) before the partner gets an answer.
-- seq gives the arrival order; (partner_id, message_key) makes a repeat recognisable.
CREATE TABLE inbox (
    seq             BIGINT        NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    partner_id      VARCHAR(64)   NOT NULL,
    message_key     VARCHAR(200)  NOT NULL,
    body_sha256     VARCHAR(64)   NOT NULL,
    media_type      VARCHAR(100)  NOT NULL,
    charset         VARCHAR(40)   NOT NULL,
    body            BLOB(16M)     NOT NULL,
    received_at     TIMESTAMP     NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    duplicate_of    BIGINT,
    detail          CLOB(1M),
    case_ids        VARCHAR(2000),
    processed_at    TIMESTAMP,
    CONSTRAINT inbox_message_unique UNIQUE (partner_id, message_key)
);
CREATE INDEX inbox_body ON inbox (partner_id, body_sha256);

-- The work queue: one row per message still to process, deleted with its outcome. Kept
-- apart from the inbox so that finding the next message never reads past processed ones.
CREATE TABLE inbox_pending (
    seq             BIGINT        NOT NULL PRIMARY KEY REFERENCES inbox (seq),
    partner_id      VARCHAR(64)   NOT NULL
);
