-- Siaga 110 foundation schema. One forward-only migration set, run by Flyway on PostgreSQL and on
-- H2 in PostgreSQL mode alike: keep to types and syntax both understand.

-- The journal: append-only, hash-chained. payload is JSON text kept byte for byte (not jsonb, which
-- would normalise it and break the hash).
CREATE TABLE journal_event (
    seq          BIGINT                   NOT NULL PRIMARY KEY,
    at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    type         VARCHAR(64)              NOT NULL,
    subject_kind VARCHAR(16)              NOT NULL,
    subject_id   VARCHAR(128)             NOT NULL,
    actor        VARCHAR(128)             NOT NULL,
    payload      VARCHAR(1000000)         NOT NULL,
    prev_hash    CHAR(64)                 NOT NULL,
    hash         CHAR(64)                 NOT NULL
);
CREATE INDEX journal_event_subject ON journal_event (subject_kind, subject_id, seq);

-- Rollout status set by an administrator; overrides the stations file until changed again.
CREATE TABLE station_status (
    station_id VARCHAR(64)               NOT NULL PRIMARY KEY,
    status     VARCHAR(16)               NOT NULL,
    changed_by VARCHAR(128)              NOT NULL,
    changed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- People who log in. roles: space-separated role names. station_id: the home station; the user sees
-- that station and everything below it.
CREATE TABLE app_user (
    username      VARCHAR(128) NOT NULL PRIMARY KEY,
    display_name  VARCHAR(200) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    station_id    VARCHAR(64)  NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE
);

-- Integration clients (Binmas Online System, Polisiku, ...) authenticating with an API key. Only the
-- SHA-256 of the secret is kept; the secret is shown once, when the key is created.
CREATE TABLE api_client (
    key_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    secret_sha256 CHAR(64)    NOT NULL,
    roles        VARCHAR(200) NOT NULL,
    station_id   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP(6) WITH TIME ZONE
);
