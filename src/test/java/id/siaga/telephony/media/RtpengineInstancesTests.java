package id.siaga.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which instance a new call goes to, with literal times. */
class RtpengineInstancesTests {

    static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 2223);
    static final InetSocketAddress B = new InetSocketAddress("127.0.0.1", 2224);
    static final InetSocketAddress C = new InetSocketAddress("127.0.0.1", 2225);
    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void newCallsTakeTheLiveInstancesInTurnEachStartingOneFurther() {
        RtpengineInstances instances = new RtpengineInstances(List.of(A, B, C), Duration.ofSeconds(5));
        assertThat(instances.forNewCall()).containsExactly(A, B, C);
        assertThat(instances.forNewCall()).containsExactly(B, C, A);
        assertThat(instances.forNewCall()).containsExactly(C, A, B);
        assertThat(instances.forNewCall()).containsExactly(A, B, C);
    }

    @Test
    void anInstanceThatDidNotAnswerIsSkippedUntilItAnswersAgain() {
        RtpengineInstances instances = new RtpengineInstances(List.of(A, B, C), Duration.ofSeconds(5));
        instances.failed(B, T0, "rtpengine 127.0.0.1:2224 did not answer within 250 ms (3 tries)");
        assertThat(instances.forNewCall()).containsExactly(A, C);
        assertThat(instances.forNewCall()).containsExactly(C, A);
        assertThat(instances.forNewCall()).containsExactly(C, A);
        assertThat(instances.states()).extracting(RtpengineInstances.State::live).containsExactly(true, false, true);

        assertThat(instances.answered(B)).as("it was down").isTrue();
        assertThat(instances.answered(B)).as("it was live").isFalse();
        assertThat(instances.forNewCall()).containsExactly(A, B, C);
    }

    @Test
    void aDeadInstanceIsDueForAPingOnceTheRetryIntervalHasPassedSinceItLastFailed() {
        RtpengineInstances instances = new RtpengineInstances(List.of(A, B), Duration.ofSeconds(5));
        instances.failed(A, T0, "rtpengine 192.0.2.10:2223 did not answer within 250 ms (3 tries)");
        assertThat(instances.dueForProbe(T0.plusSeconds(4))).isEmpty();
        assertThat(instances.dueForProbe(T0.plusSeconds(5))).containsExactly(A);
        instances.failed(A, T0.plusSeconds(5), "rtpengine 192.0.2.10:2223 did not answer within 250 ms (1 try)");
        assertThat(instances.dueForProbe(T0.plusSeconds(9))).as("the failed ping starts the wait again").isEmpty();
        assertThat(instances.dueForProbe(T0.plusSeconds(10))).containsExactly(A);
    }

    @Test
    void withEveryInstanceDownTheReasonNamesEachOne() {
        RtpengineInstances instances = new RtpengineInstances(List.of(A, B), Duration.ofSeconds(5));
        instances.failed(A, T0, "rtpengine 192.0.2.10:2223 did not answer within 250 ms (3 tries)");
        instances.failed(B, T0.plusSeconds(1), "rtpengine 127.0.0.1:2224 did not answer within 250 ms (3 tries)");
        assertThat(instances.forNewCall()).isEmpty();
        assertThat(instances.noneLive()).isEqualTo("no rtpengine instance is live: "
                + "rtpengine 192.0.2.10:2223 did not answer within 250 ms (3 tries) (down since 2026-03-01T08:00:00Z); "
                + "rtpengine 127.0.0.1:2224 did not answer within 250 ms (3 tries) (down since 2026-03-01T08:00:01Z)");
    }

    @Test
    void anInstanceListedTwiceOrNoneAtAllIsRefused() {
        assertThatThrownBy(() -> new RtpengineInstances(List.of(A, A), Duration.ofSeconds(5))).hasMessageContaining("127.0.0.1:2223 is listed twice");
        assertThatThrownBy(() -> new RtpengineInstances(List.of(), Duration.ofSeconds(5))).isInstanceOf(IllegalArgumentException.class);
    }
}
