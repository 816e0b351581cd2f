-- Track history (H2, the default embedded database): the same columns as the PostgreSQL table in
-- db/vendor/postgresql/V4__track_history.sql, without partitions; retention deletes old rows.
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
);

CREATE INDEX unit_position_unit_time ON unit_position (unit_id, fix_time);
