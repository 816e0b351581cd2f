-- The nodes of a cluster (issue 17): one lease per node id, renewed every heartbeat with the database's own clock.
-- incarnation is new at every start of a process, so a renewal by a process that was counted as lost (or replaced)
-- changes nothing. state: ALIVE, LEFT (a clean stop), LOST (another node, taken_over_by, closed its calls).
CREATE TABLE cluster_node (
    node_id        VARCHAR(64)                 NOT NULL PRIMARY KEY,
    incarnation    VARCHAR(64)                 NOT NULL,
    state          VARCHAR(16)                 NOT NULL,
    address        VARCHAR(200)                NOT NULL,
    started_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    heartbeat_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    taken_over_by  VARCHAR(64),
    taken_over_at  TIMESTAMP(6) WITH TIME ZONE
);
