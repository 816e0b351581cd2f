-- What each 110 call turned out to be (issue 16): one row per classified call, the latest word on it. The operator
-- classifies at wrap-up, a supervisor may change it with a reason; the journal keeps every change (CallClassified).
-- Kept like the call history (call_record), not swept with the marks below.
CREATE TABLE call_classification (
    call_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    caller_number  VARCHAR(32)  NOT NULL,
    station_id     VARCHAR(64)  NOT NULL,
    classification VARCHAR(16)  NOT NULL,
    classified_by  VARCHAR(64)  NOT NULL,
    classified_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    reason         VARCHAR(500)
);
CREATE INDEX call_classification_station ON call_classification (station_id, classified_at);

-- The marks that make a number's reputation: at most one per call and source (CLASSIFIED by a person, SIGNAL by the
-- call path), so a reclassification replaces its call's mark. Only the number and what its calls were: personal data
-- kept for siaga.screening.retention, then deleted.
CREATE TABLE number_mark (
    call_id       VARCHAR(64)  NOT NULL,
    source        VARCHAR(16)  NOT NULL,
    caller_number VARCHAR(32)  NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    marked_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (call_id, source)
);
CREATE INDEX number_mark_at ON number_mark (marked_at);

-- A supervisor's word on a number: trusted (a hospital's switchboard, never flagged) and when it was last cleared
-- (marks before then no longer count). The journal keeps who, when and why (NumberCleared, NumberTrusted).
CREATE TABLE number_standing (
    caller_number VARCHAR(32)  NOT NULL PRIMARY KEY,
    trusted       BOOLEAN      NOT NULL,
    cleared_at    TIMESTAMP(6) WITH TIME ZONE,
    changed_by    VARCHAR(64)  NOT NULL,
    reason        VARCHAR(500) NOT NULL,
    changed_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
