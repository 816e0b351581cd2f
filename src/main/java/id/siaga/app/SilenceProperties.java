package id.siaga.app;

import id.siaga.telephony.recording.CallerSilence;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The silence signal ({@code siaga.screening.silence.*}): when the media plane records a call, whether its caller said
 * anything in the first seconds after the answer ({@link CallerSilence}). A record of its own beside
 * {@link ScreeningProperties}: it is read where recordings are kept, not by the reputation.
 *
 * @param window         how long after the answer the caller is listened to. 5 s: a caller in trouble speaks (or
 *                       breathes, or the room is heard) within a few seconds of "110, polisi"; a silent line for that
 *                       long is what operators call a silent call. Calls that end sooner are not judged (a hang-up on
 *                       answer is its own signal, siaga.telephony.short-call, also 5 s). 100 ms to 1 minute.
 * @param thresholdDbov  a 20 ms frame of the caller's louder than this may be speech. -45 dBov: telephone speech sits
 *                       around -26 dBov (ITU-T P.56), a quiet talker 10-15 dB lower; an idle line, a quiet room and
 *                       phones' comfort noise at -60 dBov and below. Lower it (-50) if quiet callers are marked silent.
 * @param shortestSpeech how much of the window above the threshold makes speech; less is a click or a pop. 100 ms
 *                       (five frames; a syllable lasts longer).
 */
@ConfigurationProperties("siaga.screening.silence")
public record SilenceProperties(
        @DefaultValue("5s") Duration window,
        @DefaultValue("-45") double thresholdDbov,
        @DefaultValue("100ms") Duration shortestSpeech) {

    public SilenceProperties {
        try {
            new CallerSilence.Policy(window, thresholdDbov, shortestSpeech);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("siaga.screening.silence.*: " + e.getMessage(), e);
        }
    }

    CallerSilence.Policy policy() {
        return new CallerSilence.Policy(window, thresholdDbov, shortestSpeech);
    }
}
