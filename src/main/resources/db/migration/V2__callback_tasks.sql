-- Call-back tasks: a caller hung up before an answer (or was cut off right after one); the responsible
-- station must call back.
CREATE TABLE callback_task (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    call_id       VARCHAR(64)  NOT NULL,
    caller_number VARCHAR(32)  NOT NULL,
    station_id    VARCHAR(64)  NOT NULL,
    latitude      DOUBLE PRECISION,
    longitude     DOUBLE PRECISION,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    claimed_by    VARCHAR(128),
    claimed_at    TIMESTAMP(6) WITH TIME ZONE,
    closed_by     VARCHAR(128),
    closed_at     TIMESTAMP(6) WITH TIME ZONE,
    outcome       VARCHAR(500)
);
CREATE INDEX callback_task_station ON callback_task (station_id, status, created_at);
