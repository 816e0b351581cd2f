package id.siaga.telephony.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.telephony.registrar.NonceCounts.Outcome;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The replay memory stays small, lets reordered counts through, and forgets only towards "stale". */
class DigestNonceCountsTests {

    static final Instant START = Instant.parse("2026-11-28T03:00:00Z");
    static final Duration LIFETIME = Duration.ofMinutes(5);

    final NonceCounts counts = new NonceCounts(3, START);

    Outcome record(String nonce, Instant issued, long nc, Instant now) {
        return counts.record("op-3404-1", nonce, issued, nc, now, LIFETIME);
    }

    @Test
    void eachCountPassesOnceWithinASixtyFourWideWindow() {
        Instant issued = START.plusSeconds(1);
        Instant now = START.plusSeconds(2);
        assertThat(record("n", issued, 100, now)).isEqualTo(Outcome.ACCEPTED);
        assertThat(record("n", issued, 100, now)).isEqualTo(Outcome.REPLAYED);
        assertThat(record("n", issued, 37, now)).isEqualTo(Outcome.ACCEPTED);
        assertThat(record("n", issued, 37, now)).isEqualTo(Outcome.REPLAYED);
        assertThat(record("n", issued, 36, now)).as("64 below the highest is outside the window").isEqualTo(Outcome.REPLAYED);
        assertThat(record("n", issued, 1000, now)).isEqualTo(Outcome.ACCEPTED);
        assertThat(record("n", issued, 999, now)).isEqualTo(Outcome.ACCEPTED);
        assertThat(record("n", issued, 100, now)).isEqualTo(Outcome.REPLAYED);
        assertThat(record("n", issued, 0xffffffffL, now)).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void noncesIssuedBeforeTheNodeStartedAreForgotten() {
        assertThat(record("old", START.minusMillis(1), 1, START)).isEqualTo(Outcome.FORGOTTEN);
        assertThat(record("same-millisecond", START, 1, START)).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void aFullMemoryForgetsTheEldestAndTreatsOlderUnknownNoncesAsForgotten() {
        Instant now = START.plusSeconds(60);
        record("a", START.plusSeconds(10), 1, now);
        record("b", START.plusSeconds(20), 1, now);
        record("c", START.plusSeconds(15), 1, now);
        record("d", START.plusSeconds(30), 1, now); // forgets a (issued at +10)
        assertThat(counts.size()).isEqualTo(3);
        assertThat(record("a", START.plusSeconds(10), 2, now)).isEqualTo(Outcome.FORGOTTEN);
        assertThat(record("never-seen", START.plusSeconds(5), 1, now)).isEqualTo(Outcome.FORGOTTEN);
        assertThat(record("c", START.plusSeconds(15), 2, now)).as("still remembered").isEqualTo(Outcome.ACCEPTED);
        assertThat(record("e", START.plusSeconds(40), 1, now)).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void expiredNoncesLeaveMemoryWithoutRaisingTheForgetLine() {
        record("a", START.plusSeconds(1), 1, START.plusSeconds(2));
        record("b", START.plusSeconds(2), 1, START.plusSeconds(3));
        Instant later = START.plusSeconds(2).plus(LIFETIME).plusSeconds(1);
        assertThat(record("c", later.minusSeconds(1), 1, later)).isEqualTo(Outcome.ACCEPTED);
        assertThat(counts.size()).isEqualTo(1);
        assertThat(record("d", START.plusSeconds(100), 1, later)).isEqualTo(Outcome.ACCEPTED);
    }
}
