-- Track history (PostgreSQL): every stored GPS fix of every unit, written in batches by the tracking writer.
-- Partitioned by the UTC day of fix_time so retention drops whole days instead of deleting rows; the
-- application creates each day's partition ahead (today .. +2 days, unit_position_pYYYYMMDD) and drops those past
-- siaga.tracking.retention. The DEFAULT partition takes any fix outside the prepared days (a phone's buffer
-- from last week), so no fix is ever refused. The H2 twin of this file is db/vendor/h2/V4__track_history.sql.
-- Units: speed m/s, bearing degrees clockwise from north, altitude and accuracy metres, battery percent.
CREATE TABLE unit_position (
    unit_id     VARCHAR(64)  NOT NULL,
    device_id   VARCHAR(128) NOT NULL,
    fix_time    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    received_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    lat         DOUBLE PRECISION NOT NULL,
    lon         DOUBLE PRECISION NOT NULL,
    speed       DOUBLE PRECISION,
    bearing     DOUBLE PRECISION,
    altitude    DOUBLE PRECISION,
    accuracy    DOUBLE PRECISION,
    battery     DOUBLE PRECISION,
    source      VARCHAR(16)  NOT NULL
) PARTITION BY RANGE (fix_time);

CREATE TABLE unit_position_default PARTITION OF unit_position DEFAULT;

-- A unit's track over a time range is the one question asked of it.
CREATE INDEX unit_position_unit_time ON unit_position (unit_id, fix_time);
