-- Text to 110 (issue 18): SMS (or chat) from callers who cannot speak or hear, as conversations with the operators.
--
-- A conversation is one number's thread, attached to an incident. open_number holds the number while the conversation
-- is open and NULL once it is closed, so the unique constraint keeps one open conversation per number on every node
-- (both databases allow many NULLs in a unique column). station_id is where the texter was located (the responsible
-- station), offered_station_id how high the conversation has climbed while nobody took it (the station itself, then its
-- Polda, then Mabes). incident_id is NULL only for the moment between the conversation's row and its incident; the
-- escalation sweep opens the incident of a conversation left so by a crash.
CREATE TABLE text_conversation (
    id                 VARCHAR(36)  PRIMARY KEY,
    caller_number      VARCHAR(32)  NOT NULL,
    open_number        VARCHAR(32)  UNIQUE,
    channel            VARCHAR(16)  NOT NULL,
    incident_id        VARCHAR(36),
    station_id         VARCHAR(64)  NOT NULL,
    offered_station_id VARCHAR(64)  NOT NULL,
    offered_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    located_by         VARCHAR(16)  NOT NULL,
    latitude           DOUBLE PRECISION,
    longitude          DOUBLE PRECISION,
    uncertainty_m      DOUBLE PRECISION,
    flagged            BOOLEAN      NOT NULL,
    taken_by           VARCHAR(200),
    taken_at           TIMESTAMP(6) WITH TIME ZONE,
    auto_reply_queued  BOOLEAN      NOT NULL,
    opened_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_message_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    closed_at          TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX text_conversation_station ON text_conversation (station_id, last_message_at);
CREATE INDEX text_conversation_incident ON text_conversation (incident_id);
CREATE INDEX text_conversation_waiting ON text_conversation (taken_at, closed_at, offered_at);

-- The messages of a conversation, both ways. An inbound row carries the gateway's message id (unique: a gateway that
-- sends one message again gets the stored one back). An outbound row is the durable outbox of replies: PENDING (next
-- attempt at next_attempt_at; a worker claims an attempt by moving next_attempt_at on), SENT, or FAILED after the
-- last attempt.
CREATE TABLE text_message (
    id                 VARCHAR(36)   PRIMARY KEY,
    conversation_id    VARCHAR(36)   NOT NULL REFERENCES text_conversation (id),
    direction          VARCHAR(8)    NOT NULL,
    gateway_message_id VARCHAR(128)  UNIQUE,
    body               VARCHAR(2000) NOT NULL,
    author             VARCHAR(200)  NOT NULL,
    automatic          BOOLEAN       NOT NULL,
    message_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    attempts           INT           NOT NULL,
    next_attempt_at    TIMESTAMP(6) WITH TIME ZONE,
    last_error         VARCHAR(1000),
    finished_at        TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX text_message_conversation ON text_message (conversation_id, message_at);
CREATE INDEX text_message_due ON text_message (status, next_attempt_at);

-- The latest position a number's handset sent (AML over SMS or HTTPS), so that a text from it is routed by it while
-- it is recent (siaga.location.max-age). One row per number, replaced by a newer fix; older ones are swept out.
CREATE TABLE text_number_fix (
    caller_number VARCHAR(32)  PRIMARY KEY,
    latitude      DOUBLE PRECISION NOT NULL,
    longitude     DOUBLE PRECISION NOT NULL,
    uncertainty_m DOUBLE PRECISION,
    method        VARCHAR(32)  NOT NULL,
    fixed_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    received_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX text_number_fix_received ON text_number_fix (received_at);
