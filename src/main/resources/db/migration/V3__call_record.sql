-- The call history: one row per finished call, written by the call pipeline when the call ends (the journal
-- keeps the whole story; this is the summary that history screens and reports read). station_id is the
-- responsible station (the caller's jurisdiction), whoever answered; answered_* stay empty when nobody did.
CREATE TABLE call_record (
    id                  VARCHAR(64)  NOT NULL PRIMARY KEY,
    caller_number       VARCHAR(32)  NOT NULL,
    dialled             VARCHAR(32)  NOT NULL,
    station_id          VARCHAR(64)  NOT NULL,
    offered_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    answered_at         TIMESTAMP(6) WITH TIME ZONE,
    ended_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    outcome             VARCHAR(16)  NOT NULL,
    answered_by         VARCHAR(64),
    answered_at_station VARCHAR(64),
    answered_tier       INTEGER,
    ended_by            VARCHAR(16)  NOT NULL,
    location_source     VARCHAR(32)  NOT NULL,
    latitude            DOUBLE PRECISION,
    longitude           DOUBLE PRECISION
);
-- History screens ask "calls of these stations, newest first, since ...".
CREATE INDEX call_record_station ON call_record (station_id, offered_at);
