-- One row per GPS fix (issue 14): a fix is acknowledged only once it is kept, in the database or in the local spool
-- that is replayed into it, so the same fix may be written twice (a spool replayed again after a crash, a sender
-- resending a fix whose answer it did not get). The writer inserts with ON CONFLICT DO NOTHING against this key.
-- The key (unit, fix time, device) also serves a unit's track by time, so it replaces unit_position_unit_time and a
-- write still maintains one index. It includes fix_time, the partition key, as PostgreSQL requires; partitions created
-- later get it when they are attached. Rows stored twice before this version are removed first, keeping one of each.
-- The H2 twin of this file is db/vendor/h2/V11_3__track_history_one_row_per_fix.sql.
DELETE FROM unit_position a USING unit_position b
 WHERE a.tableoid = b.tableoid AND a.ctid > b.ctid
   AND a.unit_id = b.unit_id AND a.device_id = b.device_id AND a.fix_time = b.fix_time;

CREATE UNIQUE INDEX unit_position_fix ON unit_position (unit_id, fix_time, device_id);

DROP INDEX unit_position_unit_time;
