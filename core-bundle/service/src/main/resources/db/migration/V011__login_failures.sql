-- The login throttle's counts of failed logins (security/LoginThrottle), so that a restart
-- does not lift a lock-out. Portable SQL (Derby and PostgreSQL), as V001.

-- One row per user name or source address with recent failed logins, named only by its
-- keyed pseudonym: HMAC-SHA-256 under the pseudonym key, for the purpose login-throttle, of
-- "name:<user name>" or "source:<address>" (crypto/Pseudonymizer). Never the name or the
-- address in clear. A row goes when its name logs in, or once it is stale: its lock ran out,
-- or its last failure is older than the lock's length.
CREATE TABLE login_failure (
    subject         VARCHAR(64)   NOT NULL PRIMARY KEY,
    failures        INTEGER       NOT NULL,
    locked_until    TIMESTAMP,
    last_failure    TIMESTAMP     NOT NULL
);
CREATE INDEX login_failure_last ON login_failure (last_failure);
