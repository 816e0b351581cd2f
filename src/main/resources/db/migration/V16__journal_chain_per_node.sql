-- One hash chain per node of a cluster (issue 17): every entry names the node that wrote it, and a chain is
-- (node, seq) from 1, gap-free. A node journals, spools and replays on its own, also while the database is away.
-- Entries written before nodes had chains are the chain of 'siaga-1', the node id of a server never given one.
-- The table is rebuilt (not altered) because the primary key changes, and H2 and PostgreSQL name the old key
-- differently; the rows are copied as they are, so every hash still verifies.
CREATE TABLE journal_event_by_node (
    node         VARCHAR(64)              NOT NULL,
    seq          BIGINT                   NOT NULL,
    at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    type         VARCHAR(64)              NOT NULL,
    subject_kind VARCHAR(16)              NOT NULL,
    subject_id   VARCHAR(128)             NOT NULL,
    actor        VARCHAR(128)             NOT NULL,
    payload      VARCHAR(1000000)         NOT NULL,
    prev_hash    CHAR(64)                 NOT NULL,
    hash         CHAR(64)                 NOT NULL,
    PRIMARY KEY (node, seq)
);
INSERT INTO journal_event_by_node (node, seq, at, type, subject_kind, subject_id, actor, payload, prev_hash, hash)
    SELECT 'siaga-1', seq, at, type, subject_kind, subject_id, actor, payload, prev_hash, hash FROM journal_event;
DROP TABLE journal_event;
ALTER TABLE journal_event_by_node RENAME TO journal_event;
-- a subject's story across nodes, read in time order
CREATE INDEX journal_event_subject ON journal_event (subject_kind, subject_id, at);
-- start-up and takeover find unfinished calls by type and time
CREATE INDEX journal_event_type_at ON journal_event (type, at);
