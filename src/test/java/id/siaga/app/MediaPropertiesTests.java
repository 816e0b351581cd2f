package id.siaga.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.support.PrivateRtpengine;
import id.siaga.telephony.media.Rtpengine;
import id.siaga.telephony.media.RtpengineSettings;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** No rtpengine listed, no media plane; a wrong media setting stops the start with a message naming its key. */
class MediaPropertiesTests {

    static MediaProperties with(List<String> rtpengines, Duration timeout, int attempts, Duration retry) {
        return new MediaProperties(rtpengines, timeout, attempts, retry, -1, "127.0.0.1", "", Duration.ofSeconds(8), Duration.ofSeconds(20));
    }

    @Test
    void theInstancesAreHostAndPortAndEachBadSettingNamesItsKey() {
        RtpengineSettings settings = with(List.of("127.0.0.1:2223", "[::1]:2224"), Duration.ofMillis(250), 3, Duration.ofSeconds(5))
                .settings().orElseThrow();
        assertThat(settings.instances()).containsExactly(new InetSocketAddress("127.0.0.1", 2223), new InetSocketAddress("::1", 2224));
        assertThat(with(List.of(), Duration.ofMillis(250), 3, Duration.ofSeconds(5)).settings()).as("no media plane").isEmpty();

        for (String bad : List.of("127.0.0.1", "127.0.0.1:", ":2223", "127.0.0.1:70000", "127.0.0.1:ng", "::1:2223", "no-such-host.invalid:2223")) {
            assertThatThrownBy(() -> with(List.of(bad), Duration.ofMillis(250), 3, Duration.ofSeconds(5))).as(bad)
                    .hasMessageStartingWith("siaga.media.rtpengines: ");
        }
        assertThatThrownBy(() -> with(List.of("127.0.0.1:2223", "127.0.0.1:2223"), Duration.ofMillis(250), 3, Duration.ofSeconds(5)))
                .hasMessageContaining("siaga.media.rtpengines lists an instance twice");
        assertThatThrownBy(() -> with(List.of(), Duration.ZERO, 3, Duration.ofSeconds(5))).hasMessageContaining("siaga.media.timeout");
        assertThatThrownBy(() -> with(List.of(), Duration.ofMillis(250), 0, Duration.ofSeconds(5))).hasMessageContaining("siaga.media.attempts");
        assertThatThrownBy(() -> with(List.of(), Duration.ofMillis(250), 3, Duration.ofMillis(10))).hasMessageContaining("siaga.media.retry-dead-after");
    }

    final ApplicationContextRunner app = new ApplicationContextRunner().withUserConfiguration(MediaConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void theClientExistsOnlyWhenAnInstanceIsListed() {
        app.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Rtpengine.class));
        app.withPropertyValues("siaga.media.rtpengines=").run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Rtpengine.class));
        // the client runs (it pings an instance it takes for dead): ports nothing listens on now, never fixed ones
        int first = PrivateRtpengine.freeUdpPort();
        int second = PrivateRtpengine.freeUdpPort();
        app.withPropertyValues("siaga.media.rtpengines=127.0.0.1:" + first + ",127.0.0.1:" + second, "siaga.media.timeout=100ms").run(context -> {
            assertThat(context).hasSingleBean(Rtpengine.class);
            assertThat(context.getBean(Rtpengine.class).instances()).extracting(i -> i.address().getPort()).containsExactly(first, second);
        });
        app.withPropertyValues("siaga.media.rtpengines[0]=127.0.0.1:" + first).run(context -> assertThat(context).hasSingleBean(Rtpengine.class));
        app.withPropertyValues("siaga.media.rtpengines=rtpengine-without-port").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("siaga.media.rtpengines"));
    }
}
