-- The outbox: every notification to a partner, written in the same transaction as the
-- change that caused it, delivered later by the partner's adapter. Personal data are not
-- copied here: the youth's name and birth date are read when the notification is rendered.

CREATE TABLE outbox (
    seq               BIGINT        NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    notification_id   VARCHAR(36)   NOT NULL,
    partner_id        VARCHAR(64)   NOT NULL,
    kind              VARCHAR(32)   NOT NULL,
    case_id           VARCHAR(36)   NOT NULL,
    youth_id          VARCHAR(36)   NOT NULL,
    summary           VARCHAR(4000) NOT NULL,
    agreement_id      VARCHAR(36),
    created_at        TIMESTAMP     NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    attempts          INTEGER       NOT NULL,
    next_attempt_at   TIMESTAMP     NOT NULL,
    last_error        VARCHAR(500),
    delivered_at      TIMESTAMP,
    CONSTRAINT outbox_notification_unique UNIQUE (notification_id)
);
CREATE INDEX outbox_partner_status ON outbox (partner_id, status, seq);
