-- Dispatch across the nodes of a cluster (issue 17): every unit state and assignment carries a version, and a change is
-- stored only over the version it was made to, so two nodes cannot both send one unit or overwrite each other's step;
-- node is the node whose timers watch an assignment (its acknowledgement timeout): the one that made it, or the one
-- that took its timers over when that node was lost. Rows written before are version 1 of node siaga-1, the single
-- server's id.
ALTER TABLE unit_state ADD COLUMN version BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE unit_assignment ADD COLUMN version BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE unit_assignment ADD COLUMN node VARCHAR(64) DEFAULT 'siaga-1' NOT NULL;
CREATE INDEX unit_assignment_node ON unit_assignment (node, state);
