-- The names stations are known by where an administrator changed the one the stations file or the national reference
-- data gives (issue 19): "Polrestabes Medan" for the derived "Polres Kota Medan". One row per renamed station; a station
-- given its files' name back has no row.
CREATE TABLE station_name (
    station_id VARCHAR(64)                NOT NULL PRIMARY KEY,
    name       VARCHAR(100)               NOT NULL,
    changed_by VARCHAR(128)               NOT NULL,
    changed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
