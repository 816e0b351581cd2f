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
 * @param dtmfLogPort    the UDP port, on {@code dtmf-log-address}, where rtpengine's keypress reports
 *                       arrive (rtpengine's {@code --dtmf-log-dest=THIS_NODE:PORT}); each keypress of a caller is
 *                       journalled on its call as {@code KeyPressed}. -1 (the default): keypresses are not heard. Only
 *                       datagrams from the configured rtpengine hosts are read.
 * @param dtmfLogAddress where the keypress listener binds: {@code siaga.bind-address} (this machine only) unless said
 *                       otherwise; an rtpengine on another machine needs this node's address it can reach.
 * @param promptDir      where the announcements' WAV files are put at start for rtpengine to play (it reads them by path,
 *                       so it must see this directory: the same machine, or a shared one). Empty (the default): a
 *                       directory of its own under the system's temporary directory.
 * @param promptAfter    how long a waiting caller hears only ringing before the announcement ("Anda terhubung dengan
 *                       layanan darurat Polri 110…"). 8 s: past the first few rings, when a caller starts to doubt.
 * @param promptEvery    from the start of one announcement to the next while the caller still waits: the prompt's 10 s
 *                       and a 10 s pause, 20 s.
 */
@ConfigurationProperties("siaga.media")
public record MediaProperties(
        @DefaultValue List<String> rtpengines,
        @DefaultValue("250ms") Duration timeout,
        @DefaultValue("3") int attempts,
        @DefaultValue("5s") Duration retryDeadAfter,
        @DefaultValue("-1") int dtmfLogPort,
        @DefaultValue("127.0.0.1") String dtmfLogAddress,
        @DefaultValue("") String promptDir,
        @DefaultValue("8s") Duration promptAfter,
        @DefaultValue("20s") Duration promptEvery) {

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
        if (dtmfLogPort < -1 || dtmfLogPort > 65535) {
            throw new IllegalArgumentException("siaga.media.dtmf-log-port must be -1 (off) or a port, got " + dtmfLogPort);
        }
        if (promptAfter.isNegative() || promptEvery.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("siaga.media.prompt-after must not be negative and siaga.media.prompt-every at least 1s, got "
                    + promptAfter + " and " + promptEvery);
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
