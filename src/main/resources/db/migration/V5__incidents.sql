-- Incidents (CAD). One row per incident with what it is and where it stands; its status steps, notes and links
-- are only ever added, in their own tables, numbered per incident. station_id is the responsible station (the
-- jurisdiction of the location), taking_station_id the station of whoever took the report; a user sees an
-- incident when either is in their scope. version guards every change: an UPDATE names the version it was
-- made to, so a change that lost a race to another is refused, never written over it.
CREATE TABLE incident (
    id                 VARCHAR(64)  NOT NULL PRIMARY KEY,
    version            BIGINT       NOT NULL,
    type               VARCHAR(32)  NOT NULL,
    priority           SMALLINT     NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    latitude           DOUBLE PRECISION,
    longitude          DOUBLE PRECISION,
    uncertainty_meters DOUBLE PRECISION,
    location_origin    VARCHAR(16),
    address            VARCHAR(500),
    description        VARCHAR(4000),
    caller_number      VARCHAR(32),
    caller_name        VARCHAR(200),
    channel            VARCHAR(32)  NOT NULL,
    external_reference VARCHAR(128),
    call_id            VARCHAR(64),
    call_answered_at   TIMESTAMP(6) WITH TIME ZONE,
    station_id         VARCHAR(64)  NOT NULL,
    taking_station_id  VARCHAR(64)  NOT NULL,
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by         VARCHAR(128) NOT NULL,
    merged_into        VARCHAR(64),
    CONSTRAINT incident_priority_range CHECK (priority BETWEEN 1 AND 5)
);
-- Station lists ("open incidents of these stations, newest first") by either station.
CREATE INDEX incident_station ON incident (station_id, created_at);
CREATE INDEX incident_taking_station ON incident (taking_station_id, created_at);
-- The duplicate search: open incidents created within a window, then a latitude band.
CREATE INDEX incident_status_created ON incident (status, created_at);
CREATE INDEX incident_call ON incident (call_id);

-- Every status an incident reached, in order; seq 0 is NEW at creation. The first row of a status is when it
-- was first reached (the 10-minute on-scene clock reads ON_SCENE).
CREATE TABLE incident_status_change (
    incident_id VARCHAR(64)  NOT NULL REFERENCES incident (id),
    seq         INTEGER      NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor       VARCHAR(128) NOT NULL,
    reason      VARCHAR(500),
    PRIMARY KEY (incident_id, seq)
);

-- Append-only notes.
CREATE TABLE incident_note (
    incident_id VARCHAR(64)   NOT NULL REFERENCES incident (id),
    seq         INTEGER       NOT NULL,
    author      VARCHAR(128)  NOT NULL,
    at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    body        VARCHAR(2000) NOT NULL,
    PRIMARY KEY (incident_id, seq)
);

-- Related incidents, kept on both sides (a link from A to B is a row for A and a row for B).
CREATE TABLE incident_link (
    incident_id VARCHAR(64) NOT NULL REFERENCES incident (id),
    seq         INTEGER     NOT NULL,
    linked_id   VARCHAR(64) NOT NULL,
    PRIMARY KEY (incident_id, seq),
    CONSTRAINT incident_link_once UNIQUE (incident_id, linked_id)
);
