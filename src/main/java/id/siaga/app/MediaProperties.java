package id.siaga.app;

import id.siaga.telephony.media.RtpengineSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The media plane: rtpengine, driven over its ng control protocol (docs/MEDIA.md).
 *
 * @param rtpengines     the ng control addresses of the rtpengine instances, {@code host:port} ({@code [v6]:port}), as
 *                       each was started with {@code --listen-ng}. Empty (the default): no media plane, the audio flows
 *                       between the phones as without Siaga 110, nothing is recorded. Several: each new call goes to the
 *                       next live one and stays there; one that stops answering is skipped. Production: at least two,
 *                       on other machines than this node's peer, each with its own media address. Host names are
 *                       resolved at start.
 * @param timeout        how long one ng request waits for its reply before it is sent again (the same cookie, so
 *                       rtpengine does not carry it out twice). rtpengine answers in well under a millisecond on the
 *                       same machine and in a network round trip elsewhere; 250 ms covers a lost datagram on a busy
 *                       network without holding a call long.
 * @param attempts       how many times a request is sent before its instance counts as down. 3: with the timeout, a
 *                       dead instance costs a new call at most 750 ms before it goes to the next one, or on without a
 *                       media plane. A call whose instance dies under it loses its media plane: instances share nothing.
 * @param retryDeadAfter how long an instance that did not answer is skipped by new calls before it is pinged; it takes
 *                       new calls again as soon as a ping answers. 5 s: a restarted rtpengine is back within seconds, and
 *                       a dead one costs one ping every 5 s, no call's time.
 */
@ConfigurationProperties("siaga.media")
public record MediaProperties(
        @DefaultValue List<String> rtpengines,
        @DefaultValue("250ms") Duration timeout,
        @DefaultValue("3") int attempts,
        @DefaultValue("5s") Duration retryDeadAfter) {

    public MediaProperties {
        rtpengines = List.copyOf(rtpengines);
        for (String instance : rtpengines) {
            try {
                RtpengineSettings.instance(instance);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("siaga.media.rtpengines: " + e.getMessage());
            }
        }
        if (rtpengines.stream().distinct().count() != rtpengines.size()) {
            throw new IllegalArgumentException("siaga.media.rtpengines lists an instance twice: " + rtpengines);
        }
        if (timeout.toMillis() < 1 || timeout.compareTo(Duration.ofSeconds(5)) > 0) {
            throw new IllegalArgumentException("siaga.media.timeout must be between 1ms and 5s, got " + timeout);
        }
        if (attempts < 1 || attempts > 10) {
            throw new IllegalArgumentException("siaga.media.attempts must be between 1 and 10, got " + attempts);
        }
        if (retryDeadAfter.toMillis() < 100) {
            throw new IllegalArgumentException("siaga.media.retry-dead-after must be at least 100ms, got " + retryDeadAfter);
        }
    }

    /** The client's settings, or empty when no instance is configured (no media plane). */
    public Optional<RtpengineSettings> settings() {
        if (rtpengines.isEmpty()) {
            return Optional.empty();
        }
        List<InetSocketAddress> instances = rtpengines.stream().map(RtpengineSettings::instance).toList();
        return Optional.of(new RtpengineSettings(instances, timeout, attempts, retryDeadAfter));
    }
}
