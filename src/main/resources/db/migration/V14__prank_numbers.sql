-- Prank numbers (issue 16): the board's statistics and the list of persistent prank numbers ask the call history and
-- the classifications by time for every station at once (a Polda's or the national board) and by caller number
-- ("this number's calls in the last 30 days, by station"), which the station indexes do not answer.
CREATE INDEX call_record_offered ON call_record (offered_at);
CREATE INDEX call_record_caller ON call_record (caller_number, offered_at);
CREATE INDEX call_classification_at ON call_classification (classified_at);
CREATE INDEX call_classification_caller ON call_classification (caller_number, classification);

-- SMS warnings sent to numbers that keep pranking (siaga.screening.warning, off by default): one row per warning,
-- so a number is warned at most once per window. Only the number, the station it pranked most and how many pranks;
-- the journal keeps who or what triggered it (PrankWarningSent) and what the gateway answered.
CREATE TABLE prank_warning (
    caller_number VARCHAR(32)  NOT NULL,
    warned_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    station_id    VARCHAR(64)  NOT NULL,
    pranks        INTEGER      NOT NULL,
    call_id       VARCHAR(64)  NOT NULL,
    PRIMARY KEY (caller_number, warned_at)
);
