-- Dispatch: each field unit's duty status as people set it (OFFLINE is derived from GPS silence and not
-- stored), and every assignment of a unit to an incident with the time of each step, for the 10-minute
-- clock and the after-action review. The unit register itself comes from the units file.
CREATE TABLE unit_state (
    unit_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
    status        VARCHAR(16)  NOT NULL,
    assignment_id VARCHAR(64),
    since         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    set_by        VARCHAR(128) NOT NULL
);

CREATE TABLE unit_assignment (
    id                   VARCHAR(64)  NOT NULL PRIMARY KEY,
    unit_id              VARCHAR(64)  NOT NULL,
    incident_id          VARCHAR(64)  NOT NULL,
    state                VARCHAR(16)  NOT NULL,
    assigned_by          VARCHAR(128) NOT NULL,
    assigned_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    acknowledged_at      TIMESTAMP(6) WITH TIME ZONE,
    acknowledged_by      VARCHAR(128),
    en_route_at          TIMESTAMP(6) WITH TIME ZONE,
    on_scene_at          TIMESTAMP(6) WITH TIME ZONE,
    ended_at             TIMESTAMP(6) WITH TIME ZONE,
    ended_by             VARCHAR(128),
    end_reason           VARCHAR(500),
    ack_overdue_at       TIMESTAMP(6) WITH TIME ZONE,
    on_scene_proposed_at TIMESTAMP(6) WITH TIME ZONE,
    distance_meters      DOUBLE PRECISION,
    eta_seconds          BIGINT
);
CREATE INDEX unit_assignment_incident ON unit_assignment (incident_id, assigned_at);
CREATE INDEX unit_assignment_active ON unit_assignment (state);
