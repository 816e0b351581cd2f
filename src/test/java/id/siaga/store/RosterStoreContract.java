package id.siaga.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.org.OperatorId;
import id.siaga.org.Presence;
import id.siaga.org.PresenceChanged;
import id.siaga.org.Shift;
import id.siaga.org.ShiftId;
import id.siaga.org.StationId;
import id.siaga.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rosters and the presence history, alike on each database: Sleman's shifts read by period, position and person,
 * replaced and removed; a roster write that fails leaves nothing; a second writer waits for the first; the presence of
 * each position at the start of a period comes with the changes within it.
 */
abstract class RosterStoreContract {

    static final StationId SLEMAN = StationId.of("POLRES-3404");
    static final OperatorId RINA = new OperatorId("OP-3404-1");
    static final OperatorId HENDRA = new OperatorId("OP-3404-2");
    static final Instant SEVEN = Instant.parse("2026-03-04T00:00:00Z"); // 07.00 WIB

    TestDatabase db;
    JdbcShiftStore shifts;
    JdbcPresenceHistory presence;

    abstract TestDatabase.Kind kind();

    @BeforeEach
    void openDatabase() {
        db = TestDatabase.create(kind());
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        shifts = new JdbcShiftStore(jdbc);
        presence = new JdbcPresenceHistory(jdbc);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    static Shift shift(OperatorId at, String who, Instant from, Duration length) {
        return new Shift(ShiftId.random(), SLEMAN, at, who, from, from.plus(length), "supervisor.sleman");
    }

    @Test
    void shiftsAreReadByPeriodPositionAndPersonReplacedAndRemoved() {
        Shift morning = shift(RINA, "operator.sleman1", SEVEN, Duration.ofHours(8));
        Shift evening = shift(HENDRA, "operator.sleman2", SEVEN.plus(Duration.ofHours(8)), Duration.ofHours(8));
        shifts.save(morning);
        shifts.save(evening);
        assertThat(shifts.atStation(SLEMAN, SEVEN.minus(Duration.ofHours(1)), SEVEN.plus(Duration.ofDays(1)))).containsExactly(morning, evening);
        assertThat(shifts.atStation(SLEMAN, SEVEN.plus(Duration.ofHours(8)), SEVEN.plus(Duration.ofHours(9)))).as("ends are exclusive")
                .containsExactly(evening);
        assertThat(shifts.ofPositionOrPerson(HENDRA, "operator.sleman1", SEVEN, SEVEN.plus(Duration.ofDays(1)))).containsExactly(morning, evening);
        assertThat(shifts.atStation(StationId.of("POLRES-3402"), SEVEN, SEVEN.plus(Duration.ofDays(1)))).isEmpty();

        Shift longer = new Shift(morning.id(), SLEMAN, RINA, "operator.sleman1", SEVEN.minus(Duration.ofHours(1)), morning.to(), "supervisor.sleman");
        shifts.save(longer);
        assertThat(shifts.find(morning.id())).contains(longer);
        assertThat(shifts.remove(morning.id())).isTrue();
        assertThat(shifts.remove(morning.id())).isFalse();
        assertThat(shifts.find(morning.id())).isEmpty();
    }

    @Test
    void aFailedRosterWriteLeavesNothingAndASecondWriterWaitsForTheFirst() throws Exception {
        assertThatThrownBy(() -> shifts.exclusively(() -> {
            shifts.save(shift(RINA, "operator.sleman1", SEVEN, Duration.ofHours(8)));
            throw new IllegalStateException("refused after the write");
        })).hasMessage("refused after the write");
        assertThat(shifts.atStation(SLEMAN, SEVEN, SEVEN.plus(Duration.ofDays(1)))).isEmpty();

        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean secondSawFirst = new AtomicBoolean();
        Thread first = new Thread(() -> shifts.exclusively(() -> {
            shifts.save(shift(RINA, "operator.sleman1", SEVEN, Duration.ofHours(8)));
            holding.countDown();
            await(release);
            return null;
        }));
        first.start();
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
        Thread second = new Thread(() -> shifts.exclusively(() -> {
            secondSawFirst.set(!shifts.ofPositionOrPerson(RINA, "operator.sleman1", SEVEN, SEVEN.plus(Duration.ofHours(1))).isEmpty());
            return null;
        }));
        second.start();
        release.countDown();
        first.join(30_000);
        second.join(30_000);
        assertThat(secondSawFirst).as("the second writer read after the first committed").isTrue();
    }

    @Test
    void theStateOfEachPositionAtThePeriodStartComesWithTheChangesWithinIt() {
        presence.record(new PresenceChanged(RINA, SLEMAN, Presence.OFFLINE, Presence.READY, SEVEN.minus(Duration.ofHours(3))));
        presence.record(new PresenceChanged(RINA, SLEMAN, Presence.READY, Presence.BUSY, SEVEN.minus(Duration.ofHours(2))));
        presence.record(new PresenceChanged(RINA, SLEMAN, Presence.BUSY, Presence.READY, SEVEN.minus(Duration.ofHours(1))));
        presence.record(new PresenceChanged(HENDRA, SLEMAN, Presence.OFFLINE, Presence.READY, SEVEN.plus(Duration.ofMinutes(30))));
        presence.record(new PresenceChanged(HENDRA, SLEMAN, Presence.READY, Presence.AWAY, SEVEN.plus(Duration.ofDays(1))));
        presence.record(new PresenceChanged(new OperatorId("OP-3402-1"), StationId.of("POLRES-3402"), Presence.OFFLINE, Presence.READY, SEVEN));

        List<PresenceChanged> around = presence.around(SLEMAN, SEVEN, SEVEN.plus(Duration.ofHours(12)));
        assertThat(around).extracting(PresenceChanged::operator, PresenceChanged::to, PresenceChanged::at).containsExactly(
                org.assertj.core.groups.Tuple.tuple(RINA, Presence.READY, SEVEN.minus(Duration.ofHours(1))),
                org.assertj.core.groups.Tuple.tuple(HENDRA, Presence.READY, SEVEN.plus(Duration.ofMinutes(30))));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
