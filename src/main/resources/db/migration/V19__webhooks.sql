-- Webhooks to other police apps (issue 18). A subscriber is a system outside Siaga 110 (Binmas Online System,
-- Polisiku, ...) that wants incidents and dispatch changes POSTed to it, signed with its own secret.
-- event_types and station_ids are comma-separated lists; empty means every type, every station (each station
-- covers its subtree).
CREATE TABLE webhook_subscriber (
    id          VARCHAR(36)   PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL,
    url         VARCHAR(2000) NOT NULL,
    secret      VARCHAR(200)  NOT NULL,
    event_types VARCHAR(2000) NOT NULL,
    station_ids VARCHAR(2000) NOT NULL,
    enabled     BOOLEAN       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(200)  NOT NULL
);

-- The transactional outbox: one row per event and subscriber, written in the transaction that stores the change.
-- status PENDING (next attempt at next_attempt_at; a worker claims an attempt by moving next_attempt_at on),
-- DELIVERED, or DEAD (the dead letters an administrator sees and replays).
CREATE TABLE webhook_delivery (
    event_id        VARCHAR(36)  NOT NULL,
    subscriber_id   VARCHAR(36)  NOT NULL REFERENCES webhook_subscriber (id),
    event_type      VARCHAR(64)  NOT NULL,
    station_id      VARCHAR(64)  NOT NULL,
    body            TEXT         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_status     INT,
    last_error      VARCHAR(1000),
    finished_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (event_id, subscriber_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
