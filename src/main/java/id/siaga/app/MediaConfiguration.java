package id.siaga.app;

import id.siaga.journal.Journal;
import id.siaga.telephony.Announcement;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.Gate;
import id.siaga.telephony.media.DtmfLogListener;
import id.siaga.telephony.media.MediaException;
import id.siaga.telephony.recording.RecordingRecovery;
import id.siaga.telephony.recording.CallRecordings;
import id.siaga.telephony.recording.CallerMedia;
import id.siaga.telephony.media.Rtpengine;
import id.siaga.telephony.sip.SipEdge;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The media plane's client: an {@link Rtpengine} when {@code siaga.media.rtpengines} lists an instance, no bean
 * otherwise (no media plane: the SDP is relayed end to end).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaProperties.class)
class MediaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MediaConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(RtpenginesConfigured.class)
    Rtpengine rtpengine(MediaProperties props, Clock clock) {
        log.info("media plane: rtpengine at {} (ng timeout {} ms, {} attempts, a dead instance pinged every {} ms)", props.rtpengines(),
                props.timeout().toMillis(), props.attempts(), props.retryDeadAfter().toMillis());
        return new Rtpengine(props.settings().orElseThrow(), clock);
    }

    /**
     * The media plane in the call path: the SIP edge anchors every call through rtpengine and records it, waiting callers
     * hear the announcement ({@code prompt-after}, {@code prompt-every}, at once when queued at the top), and keypresses
     * come back from rtpengine's DTMF log when {@code dtmf-log-port} is set.
     */
    @Bean(destroyMethod = "close")
    @Conditional(RtpenginesConfigured.class)
    MediaPlane mediaPlane(MediaProperties props, Rtpengine rtpengine, ObjectProvider<SipEdge> edge, ObjectProvider<CallCoordinator> calls,
                          ObjectProvider<Journal> journals, ObjectProvider<MediaRecordingsHandOff> recordings, ObjectProvider<Gate> gates)
            throws IOException {
        SipEdge sip = edge.getIfAvailable();
        CallCoordinator coordinator = calls.getIfAvailable();
        Journal journal = journals.getIfAvailable();
        if (sip == null || coordinator == null || journal == null) {
            log.warn("media plane configured but the SIP edge is off (siaga.telephony.enabled=false): nothing to anchor");
            return new MediaPlane(null);
        }
        Path prompts = Prompts.extract(props.promptDir());
        MediaRecordingsHandOff handOff = recordings.getIfAvailable(() -> (call, station, pcap, sdp) ->
                log.warn("call {}: recording {} kept by rtpengine only (no recordings service)", call, pcap));
        sip.useMediaPlane(rtpengine, prompts, journal, handOff::ended);
        coordinator.announce(new Announcement(props.promptAfter(), props.promptEvery(), true));
        Gate gate = gates.getIfAvailable(() -> Gate.OFF).withMediaPlane(true);
        coordinator.gate(gate);
        if (gate.configured()) {
            log.info("the gate is on for flagged callers at {} and their subtrees: 'tekan 1', the call goes on after {} s without a key",
                    gate.stations(), gate.keyWait().toSeconds());
        }
        DtmfLogListener keys = null;
        if (props.dtmfLogPort() != -1) {
            Set<InetAddress> hosts = rtpengine.instances().stream().map(i -> i.address().getAddress()).collect(Collectors.toSet());
            keys = DtmfLogListener.open(new InetSocketAddress(props.dtmfLogAddress(), props.dtmfLogPort()), hosts, sip::keyPressed);
            log.info("media plane: keypresses heard on UDP {} from rtpengine at {}", keys.address(), hosts);
        }
        log.info("media plane on: calls anchored and recorded through rtpengine, announcements after {} every {}, prompts in {}",
                props.promptAfter(), props.promptEvery(), prompts);
        return new MediaPlane(keys);
    }

    /** Whether calls are recorded now, for the consoles' header: rtpengine's instances, and how many take calls. */
    @Bean
    @Conditional(RtpenginesConfigured.class)
    id.siaga.web.MediaPlaneStatus mediaPlaneStatus(Rtpengine rtpengine) {
        return new id.siaga.web.MediaPlaneStatus() {
            @Override
            public int instances() {
                return rtpengine.instances().size();
            }

            @Override
            public int live() {
                return (int) rtpengine.instances().stream().filter(id.siaga.telephony.media.RtpengineInstance::live).count();
            }
        };
    }

    /**
     * Each anchored call's recording, once rtpengine has closed it, goes to the recordings (WAV, hash in the journal);
     * once kept, on the recordings' thread, the caller's first seconds are judged for silence ({@link SilenceSignal}).
     */
    @Bean
    @Conditional(RtpenginesConfigured.class)
    MediaRecordingsHandOff mediaRecordingsHandOff(ObjectProvider<CallRecordings> service, ObjectProvider<SilenceSignal> silence) {
        return (call, station, pcap, sdpForCaller) -> {
            CallRecordings recordings = service.getIfAvailable();
            if (recordings == null) {
                log.warn("call {}: recording {} kept by rtpengine only (no recordings service)", call, pcap);
                return;
            }
            SilenceSignal signal = silence.getIfAvailable();
            var kept = recordings.record(call, station, pcap, sdpForCaller == null ? null : CallerMedia.fromRelaySdp(sdpForCaller).orElse(null));
            if (signal != null) {
                signal.after(kept);
            }
        };
    }

    /**
     * rtpengine as the recovery of recordings asks it about a call an earlier run anchored: still held, gone, or no answer
     * (the instance is down, or no longer configured: logged).
     */
    static RecordingRecovery.MediaPlane recordingPlane(Rtpengine rtpengine) {
        return new RecordingRecovery.MediaPlane() {
            @Override
            public Answer holds(String instance, String mediaCallId) {
                try {
                    return rtpengine.leftBehind(instance, mediaCallId) == Rtpengine.LeftBehind.HELD ? Answer.HELD : Answer.GONE;
                } catch (MediaException e) {
                    log.warn("rtpengine {} cannot tell whether it still holds call-id {}: {}", instance, mediaCallId, e.reason());
                    return Answer.NO_ANSWER;
                }
            }

            @Override
            public Answer delete(String instance, String mediaCallId) {
                try {
                    return rtpengine.deleteLeftBehind(instance, mediaCallId) ? Answer.HELD : Answer.GONE;
                } catch (MediaException e) {
                    log.warn("rtpengine {} did not delete call-id {}: {}", instance, mediaCallId, e.reason());
                    return Answer.NO_ANSWER;
                }
            }
        };
    }

    /** What the media plane holds open: the keypress listener, if any. */
    static final class MediaPlane implements AutoCloseable {
        private final DtmfLogListener keys;

        MediaPlane(DtmfLogListener keys) {
            this.keys = keys;
        }

        @Override
        public void close() {
            if (keys != null) {
                keys.close();
            }
        }
    }

    /** Where a call's recording goes once rtpengine has closed it (the recordings service, when there is one). */
    @FunctionalInterface
    interface MediaRecordingsHandOff extends SipEdge.MediaRecordings {
    }

    /** Whether {@code siaga.media.rtpengines} lists anything, however it is written (YAML list, comma-separated). */
    static final class RtpenginesConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment()).bind("siaga.media.rtpengines", Bindable.listOf(String.class))
                    .map(list -> list.stream().anyMatch(s -> !s.isBlank())).orElse(false);
        }
    }
}
