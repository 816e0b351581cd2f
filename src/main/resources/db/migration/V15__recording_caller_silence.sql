-- What the caller's first seconds after the answer held, as the recording was judged (issue 16): SPOKE, SILENT (audio,
-- nothing above the speech threshold), NO_CALLER_AUDIO (no packet of the caller's reached the relay) or TOO_SHORT (the
-- call ended first). Null: not judged (a recording kept before this, or by the recovery after a restart). The journal's
-- CallerSilent entry says the same with the measured levels. caller_silence_ms: how long after the answer the caller
-- was listened to (siaga.screening.silence.window at the time).
ALTER TABLE call_recording ADD COLUMN caller_silence VARCHAR(16);
ALTER TABLE call_recording ADD COLUMN caller_silence_ms INTEGER;
