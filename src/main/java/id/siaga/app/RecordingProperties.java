package id.siaga.app;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * The recordings of calls ({@code siaga.media.recording-*}): where the WAVs are kept and for how long.
 *
 * @param recordingDir          where each call's WAV is kept ({@code yyyy/MM/dd/<call>.wav}), written under
 *                              {@code .incoming/} and moved into place. Empty: {@code recordings} beside the journal's
 *                              spool ({@code siaga.journal.spool-file}, so {@code ./data/recordings} by default).
 *                              Production: a volume sized for a year of calls (about 32 KB a second of talk: 2 MB for a
 *                              minute), backed up with the database; it must be on one file system.
 * @param recordingRetention    how long a recording is kept after the call; then the daily sweep deletes its file and
 *                              row and journals {@code RecordingExpired}. A plain number is days. 365 days: a recording
 *                              is evidence of what the caller reported and what the operator did; complaints about a
 *                              call's handling, the investigations a report starts and the Propam reviews of an
 *                              operator's conduct arrive weeks to months later, and a year covers that with room, while
 *                              keeping the disk bounded. Production follows Polri's records schedule (jadwal retensi
 *                              arsip); recordings a case still needs are exported before they expire (no legal hold is
 *                              built). At least one day.
 * @param recordingCloseTimeout how long after a call ends to wait for rtpengine to close the call's pcap (it writes
 *                              through a buffer and closes the file when the call is torn down, then moves its metadata
 *                              file into {@code metadata/}) before converting what is there. 45 s: the call is
 *                              deleted at once with {@code delete delay: 0}, else after rtpengine's default delete delay
 *                              of 30 s; a pcap still open after that belongs to an rtpengine that died, and what it
 *                              holds is kept (journalled as cut off).
 * @param recordingRecoveryWait after a restart, how long rtpengine is left to end by itself a call it still holds (from
 *                              the restart, or from the recording's start if later; docs/MEDIA.md, After a crash):
 *                              rtpengine outlives the server, so a caller and an operator who were talking may still be
 *                              talking through it, and its pcap is still being written. A call whose media stopped is
 *                              ended by rtpengine's own --timeout long before; only a call still carrying media is held
 *                              that long, so once this has passed it is deleted on rtpengine and its recording kept;
 *                              when rtpengine cannot be asked, what the pcap holds is kept then. 12 h: no 110
 *                              conversation lasts that long, and a stuck stream is not recorded forever.
 */
@ConfigurationProperties("siaga.media")
public record RecordingProperties(
        @DefaultValue("") String recordingDir,
        @DefaultValue("365d") @DurationUnit(ChronoUnit.DAYS) Duration recordingRetention,
        @DefaultValue("45s") Duration recordingCloseTimeout,
        @DefaultValue("12h") Duration recordingRecoveryWait) {

    public RecordingProperties {
        if (recordingRetention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("siaga.media.recording-retention must be at least one day, got " + recordingRetention);
        }
        if (recordingCloseTimeout.isNegative()) {
            throw new IllegalArgumentException("siaga.media.recording-close-timeout cannot be negative, got " + recordingCloseTimeout);
        }
        if (recordingRecoveryWait.isNegative()) {
            throw new IllegalArgumentException("siaga.media.recording-recovery-wait cannot be negative, got " + recordingRecoveryWait);
        }
    }
}
