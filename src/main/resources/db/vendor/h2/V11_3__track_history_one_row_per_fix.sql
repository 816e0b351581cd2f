-- One row per GPS fix (H2): the same key as db/vendor/postgresql/V11_3__track_history_one_row_per_fix.sql, which says
-- why. Rows stored twice before this version are removed first, keeping one of each.
DELETE FROM unit_position WHERE _ROWID_ NOT IN (SELECT MIN(_ROWID_) FROM unit_position GROUP BY unit_id, fix_time, device_id);

CREATE UNIQUE INDEX unit_position_fix ON unit_position (unit_id, fix_time, device_id);

DROP INDEX unit_position_unit_time;
