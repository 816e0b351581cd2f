package id.siaga.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.security.LoginThrottle.Admission;
import id.siaga.security.LoginThrottle.Admitted;
import id.siaga.security.LoginThrottle.Kind;
import id.siaga.security.LoginThrottle.Lock;
import id.siaga.security.LoginThrottle.Refused;
import id.siaga.support.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The password-guessing rule on literal times: per user, 3 free failures, then a delay doubling from 1 s to 30 s, a
 * 15-minute lock at the 10th; per address, 20 and 100; a right password clears the user's count; locks are reported
 * once; the counts stay bounded whatever names are tried.
 */
class LoginThrottleTests {

    static final LoginLimits PER_USER = new LoginLimits(3, Duration.ofSeconds(1), Duration.ofSeconds(30), 10, Duration.ofMinutes(15),
            Duration.ofMinutes(15));
    static final LoginLimits PER_SOURCE = new LoginLimits(20, Duration.ofSeconds(1), Duration.ofSeconds(30), 100, Duration.ofMinutes(15),
            Duration.ofMinutes(1));
    static final String HOME = "10.20.30.40";

    final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T01:00:00Z"));
    final List<Lock> locks = new ArrayList<>();
    final LoginThrottle throttle = new LoginThrottle(PER_USER, PER_SOURCE, 1_000, clock, locks::add);

    Admission fail(String user, String source) {
        Admission a = throttle.admit(user, source);
        if (a instanceof Admitted attempt) {
            throttle.failed(attempt);
        }
        return a;
    }

    /** Fails as soon as each delay allows: the story of a guesser who waits out every delay. */
    void failWaitingOutDelays(String user, String source, int times) {
        for (int i = 0; i < times; i++) {
            Admission a = fail(user, source);
            if (a instanceof Refused r) {
                assertThat(r.locked()).as("guess %d", i).isFalse();
                clock.advance(r.retryAfter());
                i--;
            }
        }
    }

    @Test
    void threeFreeFailuresThenADoublingDelayThenALockOfFifteenMinutesReportedOnce() {
        for (int i = 0; i < 3; i++) {
            assertThat(fail("operator.sleman1", HOME)).isInstanceOf(Admitted.class);
        }
        Refused first = (Refused) throttle.admit("operator.sleman1", HOME);
        assertThat(first.kind()).isEqualTo(Kind.USER);
        assertThat(first.locked()).isFalse();
        assertThat(first.retryAfter()).isEqualTo(Duration.ofSeconds(1));

        List<Duration> delays = new ArrayList<>();
        while (locks.isEmpty()) {
            Admission a = throttle.admit("operator.sleman1", HOME);
            if (a instanceof Refused r) {
                delays.add(r.retryAfter());
                clock.advance(r.retryAfter());
            } else {
                throttle.failed((Admitted) a);
            }
        }
        assertThat(delays).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(16), Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThat(locks).singleElement().satisfies(lock -> {
            assertThat(lock.kind()).isEqualTo(Kind.USER);
            assertThat(lock.key()).isEqualTo("operator.sleman1");
            assertThat(lock.failures()).isEqualTo(10);
            assertThat(lock.until()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
            assertThat(lock.source()).isEqualTo(HOME);
        });

        Refused locked = (Refused) throttle.admit("operator.sleman1", HOME);
        assertThat(locked.locked()).isTrue();
        assertThat(locked.retryAfterSeconds()).isEqualTo(900);
        assertThat(throttle.admit("operator.sleman1", "192.0.2.7")).as("from anywhere").isInstanceOf(Refused.class);
        assertThat(throttle.admit("operator.sleman2", HOME)).as("another user at the same station").isInstanceOf(Admitted.class);

        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.admit("operator.sleman1", HOME)).as("the lock's time is up").isInstanceOf(Admitted.class);
        assertThat(locks).hasSize(1);
    }

    @Test
    void aRightPasswordClearsTheUsersCountButNotALock() {
        fail("operator.sleman1", HOME);
        fail("operator.sleman1", HOME);
        throttle.succeeded((Admitted) throttle.admit("operator.sleman1", HOME));
        fail("operator.sleman1", HOME);
        fail("operator.sleman1", HOME);
        assertThat(throttle.admit("operator.sleman1", HOME)).as("two failures since the success: still free").isInstanceOf(Admitted.class);

        LoginThrottle other = new LoginThrottle(PER_USER, PER_SOURCE, 1_000, clock, locks::add);
        Admitted inFlight = null;
        for (int i = 0; i < 10; i++) {
            Admission a = other.admit("admin", HOME);
            if (a instanceof Refused r) {
                clock.advance(r.retryAfter());
                i--;
            } else if (i == 9) {
                inFlight = (Admitted) a;
            } else {
                other.failed((Admitted) a);
            }
        }
        // the 10th guess is in flight when the right password arrives: it has to wait for the guess's outcome
        assertThat(other.admit("admin", HOME)).isInstanceOf(Refused.class);
        other.failed(inFlight);
        assertThat(other.lockedUntil("admin")).isPresent();
        assertThat(((Refused) other.admit("admin", HOME)).locked()).isTrue();
    }

    @Test
    void aBurstOfParallelGuessesCannotSlipPastTheCount() {
        List<Admitted> admitted = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < 50; i++) {
            Admission a = throttle.admit("supervisor.diy", HOME);
            if (a instanceof Admitted attempt) {
                admitted.add(attempt);
            } else {
                refused++;
            }
        }
        assertThat(admitted).as("no more in flight at once than it takes to lock the user").hasSize(10);
        assertThat(refused).isEqualTo(40);
        admitted.forEach(throttle::failed);
        assertThat(((Refused) throttle.admit("supervisor.diy", HOME)).locked()).isTrue();
        assertThat(locks).hasSize(1);
    }

    @Test
    void anAttemptThatCouldNotBeCheckedCountsAsNothing() {
        for (int i = 0; i < 20; i++) {
            throttle.abandoned((Admitted) throttle.admit("aml.gateway", HOME));
        }
        assertThat(throttle.admit("aml.gateway", HOME)).isInstanceOf(Admitted.class);
        assertThat(throttle.tracked(Kind.USER)).as("idle counts are dropped").isEqualTo(1);
    }

    @Test
    void oneAddressGuessingAcrossUsernamesIsSlowedAfterTwentyAndLockedAfterAHundredWhileOthersAreNot() {
        for (int i = 0; i < 20; i++) {
            assertThat(fail("user" + i, HOME)).isInstanceOf(Admitted.class);
        }
        Refused slowed = (Refused) throttle.admit("someone.else", HOME);
        assertThat(slowed.kind()).isEqualTo(Kind.SOURCE);
        assertThat(throttle.admit("operator.sleman1", "10.20.30.41")).as("another address").isInstanceOf(Admitted.class);

        int n = 20;
        while (locks.stream().noneMatch(l -> l.kind() == Kind.SOURCE)) {
            Admission a = throttle.admit("user" + n, HOME);
            if (a instanceof Refused r) {
                assertThat(r.locked()).isFalse();
                clock.advance(r.retryAfter());
            } else {
                throttle.failed((Admitted) a);
                n++;
            }
        }
        Lock lock = locks.stream().filter(l -> l.kind() == Kind.SOURCE).findFirst().orElseThrow();
        assertThat(lock.key()).isEqualTo(HOME);
        assertThat(lock.failures()).isEqualTo(100);
        assertThat(locks.stream().filter(l -> l.kind() == Kind.USER)).as("no single user reached their lock").isEmpty();
        Refused blocked = (Refused) throttle.admit("operator.sleman1", HOME);
        assertThat(blocked.kind()).isEqualTo(Kind.SOURCE);
        assertThat(blocked.locked()).isTrue();
    }

    @Test
    void aStationsOccasionalTyposNeverAddUp() {
        // a station behind one address: 300 logins over ten hours, one in ten mistyped, each typo put right at once
        for (int i = 0; i < 300; i++) {
            String user = "operator." + (i % 12);
            if (i % 10 == 0) {
                assertThat(fail(user, HOME)).as("typo %d", i).isInstanceOf(Admitted.class);
            }
            Admission a = throttle.admit(user, HOME);
            assertThat(a).as("login %d", i).isInstanceOf(Admitted.class);
            throttle.succeeded((Admitted) a);
            clock.advance(Duration.ofMinutes(2));
        }
        assertThat(locks).isEmpty();
    }

    @Test
    void failuresAreForgottenWithTime() {
        failWaitingOutDelays("operator.bantul1", HOME, 9);
        clock.advance(Duration.ofMinutes(15 * 7));
        assertThat(fail("operator.bantul1", HOME)).as("seven of nine forgotten: a third failure is still free").isInstanceOf(Admitted.class);
        Refused next = (Refused) throttle.admit("operator.bantul1", HOME);
        assertThat(next.retryAfter()).as("three failures: the first delay").isEqualTo(Duration.ofSeconds(1));
        assertThat(locks).isEmpty();
    }

    @Test
    void anUnlockLiftsTheLockAndForgetsTheFailures() {
        failWaitingOutDelays("operator.kota1", HOME, 10);
        assertThat(throttle.lockedUntil("operator.kota1")).isPresent();
        LoginThrottle.Unlocked unlocked = throttle.unlock("operator.kota1");
        assertThat(unlocked.wasLocked()).isTrue();
        assertThat(unlocked.failures()).isEqualTo(10);
        assertThat(throttle.lockedUntil("operator.kota1")).isEmpty();
        for (int i = 0; i < 3; i++) {
            assertThat(fail("operator.kota1", HOME)).isInstanceOf(Admitted.class);
        }
        assertThat(throttle.unlock("operator.kota2").wasLocked()).isFalse();
    }

    @Test
    void sprayingMadeUpNamesFromManyAddressesKeepsTheCountsBounded() {
        LoginThrottle small = new LoginThrottle(PER_USER, PER_SOURCE, 100, clock, locks::add);
        for (int i = 0; i < 10_000; i++) {
            Admission a = small.admit("nobody" + i + "x".repeat(i % 500), "198.51." + (i / 250) + "." + (i % 250));
            small.failed((Admitted) a);
        }
        assertThat(small.tracked(Kind.USER)).isLessThanOrEqualTo(100);
        assertThat(small.tracked(Kind.SOURCE)).isLessThanOrEqualTo(100);
    }

    @Test
    void keysAreWhatTheUserStoreAndTheNetworkMean() {
        assertThat(LoginThrottle.userKey("operator.sleman1")).isEqualTo("operator.sleman1");
        assertThat(LoginThrottle.userKey("x".repeat(5_000))).startsWith("#").hasSize(65);
        assertThat(LoginThrottle.userKey("a\u0000b")).as("never a NUL into the journal").startsWith("#");
        assertThat(LoginThrottle.userKey("lone \udfff")).startsWith("#");
        assertThat(LoginThrottle.sourceKey("10.1.2.3")).isEqualTo("10.1.2.3");
        assertThat(LoginThrottle.sourceKey("2001:db8:1:2:3:4:5:6")).isEqualTo(LoginThrottle.sourceKey("2001:db8:1:2:ffff:1:1:1"))
                .isEqualTo("20010db800010002::/64");
        assertThat(LoginThrottle.sourceKey("0:0:0:0:0:0:0:1")).isNotEqualTo(LoginThrottle.sourceKey("2001:db8:1:2::1"));
        assertThat(LoginThrottle.sourceKey(null)).isEqualTo("unknown");
    }
}
