-- Start-up finds the calls the journal shows unfinished (offered, never ended) by type and time, and asks which
-- finished calls already have a call-back task: both must stay quick on a journal of millions of rows.
CREATE INDEX journal_event_type_at ON journal_event (type, at);
CREATE INDEX callback_task_call ON callback_task (call_id);
