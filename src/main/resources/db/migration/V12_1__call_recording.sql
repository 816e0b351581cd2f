-- The recordings of calls: one row per call whose media plane recorded it. path is the WAV's path relative to
-- siaga.media.recording-dir; sha256 (hex) and bytes are what the journal's CallRecorded entry says of it; station_id
-- is the call's responsible station (who may hear it is who may see the call). The retention sweep reads the oldest
-- first and deletes the file, then the row.
CREATE TABLE call_recording (
    call_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    station_id  VARCHAR(64)  NOT NULL,
    path        VARCHAR(255) NOT NULL,
    sha256      CHAR(64)     NOT NULL,
    bytes       BIGINT       NOT NULL,
    duration_ms BIGINT       NOT NULL,
    recorded_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX call_recording_recorded_at ON call_recording (recorded_at);
