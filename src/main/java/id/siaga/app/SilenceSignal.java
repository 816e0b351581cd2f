package id.siaga.app;

import id.siaga.screening.Screening;
import id.siaga.telephony.CallRecord;
import id.siaga.telephony.CallRecordStore;
import id.siaga.telephony.recording.CallRecordings;
import id.siaga.telephony.recording.CallerSilence;
import id.siaga.telephony.recording.RecordingStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The silence signal: once an answered call's recording is kept, the caller's first seconds after the answer are
 * judged ({@link CallerSilence}); the verdict is noted on the recording (the board shows it) and a silent caller is
 * told to screening ({@link Screening#silentOnAnswer}: a light mark on the number, {@code CallerSilent} in the call's
 * journal). It runs on the screening signals' thread ({@link ScreeningSignals}) once the recording is kept, after the
 * call: the call path never waits for it, and a database or journal that is slow delays neither calls nor the next
 * recording. A call cut off within
 * seconds of the answer is left to the hang-up signal (its mark is the call's signal). A failure loses the signal, never
 * anything a person said: it is logged.
 */
final class SilenceSignal {

    private static final Logger log = LoggerFactory.getLogger(SilenceSignal.class);

    private final CallRecordStore records;
    private final RecordingStore index;
    private final Path recordingsDir;
    private final Screening screening;
    private final CallerSilence.Policy policy;
    private final ScreeningSignals signals;

    SilenceSignal(CallRecordStore records, RecordingStore index, Path recordingsDir, Screening screening, CallerSilence.Policy policy,
                  ScreeningSignals signals) {
        this.signals = signals;
        this.records = records;
        this.index = index;
        this.recordingsDir = recordingsDir;
        this.screening = screening;
        this.policy = policy;
    }

    /** Judges the call's recording once it is kept, on the screening signals' thread (whoever completes {@code recording}). */
    void after(CompletableFuture<CallRecordings.Outcome> recording) {
        recording.thenAcceptAsync(this::heard, signals);
    }

    /** What became of a call's recording; only a kept recording of an answered call is judged. */
    void heard(CallRecordings.Outcome outcome) {
        if (!(outcome instanceof CallRecordings.Outcome.Kept kept)) {
            return;
        }
        try {
            judge(kept);
        } catch (IOException | RuntimeException e) {
            log.warn("call {}: the caller's silence was not judged: {}", kept.call(), e.toString());
        }
    }

    private void judge(CallRecordings.Outcome.Kept kept) throws IOException {
        Optional<CallRecord> found = records.find(kept.call());
        if (found.isEmpty()) {
            // its record may still be in the spool (a database outage): this signal is lost, the call itself is not
            log.info("call {}: no call record yet, its caller's silence is not judged", kept.call());
            return;
        }
        if (found.get().answeredAt() == null) {
            log.debug("call {}: not answered, its caller's silence is not judged", kept.call());
            return;
        }
        CallRecord record = found.get();
        if (record.outcome() == CallRecord.Outcome.CUT_OFF) {
            return; // marked by the hang-up on answer
        }
        CallerSilence.Finding finding = CallerSilence.ofRecording(recordingsDir.resolve(kept.recording().file()), kept.audio(),
                record.answeredAt(), policy);
        log.info("call {}: caller {} in the {} ms after the answer (loudest {} dBov, {} ms above {} dBov; {} caller packets, {})", kept.call(),
                finding.verdict(), policy.window().toMillis(), finding.loudestDbov(), finding.loud().toMillis(), policy.thresholdDbov(),
                kept.audio().callerPackets(), kept.recording().file());
        if (finding.verdict() != CallerSilence.Verdict.TOO_SHORT) {
            try {
                index.noteCallerSilence(kept.call(), new CallerSilence.Heard(finding.verdict(), finding.window()));
            } catch (RuntimeException e) {
                log.warn("call {}: the caller's silence is not noted on its recording ({}); the journal has it", kept.call(), e.toString());
            }
        }
        if (finding.silent()) {
            screening.silentOnAnswer(kept.call().value(), record.callerNumber(), record.answeredAt(), new Screening.Silence(policy.window(),
                    finding.verdict() != CallerSilence.Verdict.NO_CALLER_AUDIO, finding.loudestDbov(), policy.thresholdDbov()));
        }
    }
}
