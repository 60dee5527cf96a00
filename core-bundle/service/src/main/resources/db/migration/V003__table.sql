-- The table's own work: match candidates for youths without a BSN and the merges the
-- coordinator confirms, case close and reopen, meetings with their agenda and minutes,
-- agreements, and the crisis path (acknowledgement, measure requests, alerts).
-- Portable SQL (Derby and PostgreSQL), as V001.

-- A youth merged into another by the coordinator keeps its row (nothing is erased by a
-- merge); merged_into names the youth it is now part of.
ALTER TABLE youth ADD COLUMN merged_into VARCHAR(36);

-- A case absorbed by another (status 'merged') names it; a closed case's retention clock
-- runs from retention_from (set by closing, cleared by reopening).
ALTER TABLE care_case ADD COLUMN merged_into VARCHAR(36);
ALTER TABLE care_case ADD COLUMN retention_from DATE;

-- Every change of a case's status, with who and why: closing, reopening, merging.
CREATE TABLE case_status_change (
    seq             BIGINT        NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id         VARCHAR(36)   NOT NULL REFERENCES care_case (id),
    status          VARCHAR(16)   NOT NULL,
    reason          VARCHAR(2000),
    changed_on      DATE          NOT NULL,
    changed_at      TIMESTAMP     NOT NULL,
    changed_by      VARCHAR(200)  NOT NULL
);
CREATE INDEX case_status_change_case ON case_status_change (case_id);

-- Two youths that may be one person: youth_id was registered without a BSN (or with a BSN
-- the table did not know) and resembles other_youth_id on name and birth date. A pair is
-- proposed once, ever: a rejected pair stays, so it is never proposed again.
CREATE TABLE match_candidate (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    youth_id        VARCHAR(36)   NOT NULL REFERENCES youth (id),
    other_youth_id  VARCHAR(36)   NOT NULL REFERENCES youth (id),
    score           INTEGER       NOT NULL,
    reasons         VARCHAR(500)  NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    proposed_at     TIMESTAMP     NOT NULL,
    decided_at      TIMESTAMP,
    decided_by      VARCHAR(200),
    CONSTRAINT match_candidate_pair_unique UNIQUE (youth_id, other_youth_id)
);
CREATE INDEX match_candidate_status ON match_candidate (status);
CREATE INDEX match_candidate_other ON match_candidate (other_youth_id);

-- The audit of a confirmed merge: who merged which youth into which, and where the
-- merged youth's open case went.
CREATE TABLE youth_merge (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    candidate_id        VARCHAR(36)   NOT NULL,
    surviving_youth_id  VARCHAR(36)   NOT NULL,
    merged_youth_id     VARCHAR(36)   NOT NULL,
    surviving_case_id   VARCHAR(36),
    merged_case_ids     VARCHAR(2000) NOT NULL,
    moved_entries       INTEGER       NOT NULL,
    bsn_linked          SMALLINT      NOT NULL,
    merged_at           TIMESTAMP     NOT NULL,
    merged_by           VARCHAR(200)  NOT NULL
);

CREATE TABLE meeting (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    meeting_date    DATE          NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    created_by      VARCHAR(200)  NOT NULL
);
CREATE INDEX meeting_by_date ON meeting (meeting_date);

-- A case on a meeting's agenda: why (the proposal's reasons, or 'added' by the
-- coordinator), in which order, and the minutes the table recorded for it.
CREATE TABLE agenda_item (
    meeting_id      VARCHAR(36)   NOT NULL REFERENCES meeting (id),
    case_id         VARCHAR(36)   NOT NULL REFERENCES care_case (id),
    item_order      INTEGER       NOT NULL,
    reasons         VARCHAR(200)  NOT NULL,
    added_at        TIMESTAMP     NOT NULL,
    added_by        VARCHAR(200)  NOT NULL,
    minutes_text    VARCHAR(8000),
    minutes_at      TIMESTAMP,
    minutes_by      VARCHAR(200),
    PRIMARY KEY (meeting_id, case_id)
);
CREATE INDEX agenda_item_case ON agenda_item (case_id);

-- An agreement (afspraak): overdue is derived from due_date, never stored; the owner is
-- told once when it becomes overdue (overdue_notified_at).
CREATE TABLE agreement (
    id                   VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_id              VARCHAR(36)   NOT NULL REFERENCES care_case (id),
    meeting_id           VARCHAR(36),
    description          VARCHAR(4000) NOT NULL,
    owner_partner        VARCHAR(64)   NOT NULL,
    due_date             DATE          NOT NULL,
    status               VARCHAR(16)   NOT NULL,
    made_on              DATE          NOT NULL,
    made_at              TIMESTAMP     NOT NULL,
    made_by              VARCHAR(200)  NOT NULL,
    done_on              DATE,
    done_by              VARCHAR(200),
    overdue_notified_at  TIMESTAMP
);
CREATE INDEX agreement_case ON agreement (case_id);
CREATE INDEX agreement_owner ON agreement (owner_partner, status);
CREATE INDEX agreement_due ON agreement (status, due_date);

-- The crisis path of one crisis signal: the crisis team told (notification_id), its
-- acknowledgement, and the coordinator's alert when none came in time.
CREATE TABLE crisis (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_id           VARCHAR(36)   NOT NULL REFERENCES care_case (id),
    signal_id         VARCHAR(36)   NOT NULL,
    reported_by       VARCHAR(64)   NOT NULL,
    raised_at         TIMESTAMP     NOT NULL,
    notification_id   VARCHAR(36),
    acknowledged_at   TIMESTAMP,
    acknowledged_by   VARCHAR(200),
    alerted_at        TIMESTAMP,
    CONSTRAINT crisis_signal_unique UNIQUE (signal_id)
);
CREATE INDEX crisis_case ON crisis (case_id);

-- A measure requested (e.g. a spoedmachtiging asked of the court through the RvdK).
CREATE TABLE measure_request (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_id         VARCHAR(36)   NOT NULL REFERENCES care_case (id),
    partner_id      VARCHAR(64)   NOT NULL,
    kind            VARCHAR(64)   NOT NULL,
    requested_on    DATE          NOT NULL,
    note            VARCHAR(4000) NOT NULL,
    requested_at    TIMESTAMP     NOT NULL,
    requested_by    VARCHAR(200)  NOT NULL
);
CREATE INDEX measure_request_case ON measure_request (case_id);

-- What the coordinator must look at: e.g. a crisis the crisis team did not acknowledge in
-- time. Resolved when the cause is gone (the acknowledgement came).
CREATE TABLE alert (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_id         VARCHAR(36)   NOT NULL REFERENCES care_case (id),
    kind            VARCHAR(32)   NOT NULL,
    summary         VARCHAR(4000) NOT NULL,
    crisis_id       VARCHAR(36),
    raised_at       TIMESTAMP     NOT NULL,
    resolved_at     TIMESTAMP,
    resolved_by     VARCHAR(200)
);
CREATE INDEX alert_case ON alert (case_id);
