-- A caller's earlier reports: the console lists them next to the earlier calls when the same number rings again.
CREATE INDEX incident_caller ON incident (caller_number, created_at);
