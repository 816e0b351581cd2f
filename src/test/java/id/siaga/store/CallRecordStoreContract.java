package id.siaga.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.org.StationId;
import id.siaga.support.TestDatabase;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallRecord;
import id.siaga.telephony.CallRecordStore;
import id.siaga.telephony.CallRecordStore.Window;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The call history round-trips through each database: every field, nulls kept, newest first, by station and time. */
abstract class CallRecordStoreContract {

    static final StationId SLEMAN = StationId.of("POLRES-3404");
    static final StationId BANTUL = StationId.of("POLRES-3402");
    static final StationId DIY = StationId.of("POLDA-DIY");

    TestDatabase db;
    CallRecordStore records;

    abstract TestDatabase.Kind kind();

    @BeforeEach
    void openDatabase() {
        db = TestDatabase.create(kind());
        records = new JdbcCallRecordStore(new JdbcTemplate(db.dataSource()));
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    static CallRecord answered(String id, StationId station, String offeredAt) {
        Instant offered = Instant.parse(offeredAt);
        return new CallRecord(new CallId(id), "+6281200000001", "110", station.value(), offered, offered.plusMillis(4_250),
                offered.plusSeconds(95), CallRecord.Outcome.ANSWERED, "OP-DIY-1", "POLDA-DIY", 1, "caller", "PIDF_LO", -7.7156, 110.3558);
    }

    static CallRecord abandoned(String id, StationId station, String offeredAt) {
        Instant offered = Instant.parse(offeredAt);
        return new CallRecord(new CallId(id), "anonymous", "112", station.value(), offered, null, offered.plusSeconds(7),
                CallRecord.Outcome.ABANDONED, null, null, null, "caller", "NONE", null, null);
    }

    @Test
    void everyFieldRoundTripsAndAbsentOnesStayAbsent() {
        CallRecord talked = answered("call-1", SLEMAN, "2026-11-28T01:02:03.456789Z");
        CallRecord gaveUp = abandoned("call-2", BANTUL, "2026-11-28T01:05:00Z");
        records.save(talked);
        records.save(gaveUp);
        assertThat(records.find(new CallId("call-1"))).contains(talked);
        assertThat(records.find(new CallId("call-2"))).contains(gaveUp);
        assertThat(records.find(new CallId("call-3"))).isEmpty();
    }

    @Test
    void startUpLearnsWhichCallsHaveARecordAmongMoreCallsThanOneQueryAsks() {
        records.save(answered("call-1", SLEMAN, "2026-11-28T01:00:00Z"));
        records.save(abandoned("call-2", BANTUL, "2026-11-28T01:01:00Z"));
        java.util.List<CallId> asked = new java.util.ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            asked.add(new CallId("call-none-" + i));
        }
        asked.add(550, new CallId("call-2"));
        asked.add(new CallId("call-1"));
        assertThat(records.kept(asked)).containsExactlyInAnyOrder(new CallId("call-1"), new CallId("call-2"));
    }

    @Test
    void savingTheSameCallAgainReplacesItsRecord() {
        records.save(abandoned("call-1", SLEMAN, "2026-11-28T01:00:00Z"));
        CallRecord corrected = answered("call-1", SLEMAN, "2026-11-28T01:00:00Z");
        records.save(corrected);
        assertThat(records.find(new CallId("call-1"))).contains(corrected);
        assertThat(records.atStations(List.of(SLEMAN), Window.ALL, 10)).containsExactly(corrected);
    }

    @Test
    void historyIsNewestFirstForTheAskedStationsOnly() {
        records.save(answered("sleman-early", SLEMAN, "2026-11-28T01:00:00Z"));
        records.save(answered("bantul", BANTUL, "2026-11-28T02:00:00Z"));
        records.save(abandoned("sleman-late", SLEMAN, "2026-11-28T03:00:00Z"));
        records.save(answered("diy", DIY, "2026-11-28T04:00:00Z"));
        assertThat(ids(records.atStations(List.of(SLEMAN), Window.ALL, 10))).containsExactly("sleman-late", "sleman-early");
        assertThat(ids(records.atStations(List.of(SLEMAN, BANTUL, DIY), Window.ALL, 10)))
                .containsExactly("diy", "sleman-late", "bantul", "sleman-early");
        assertThat(ids(records.atStations(List.of(SLEMAN, BANTUL, DIY), Window.ALL, 2))).containsExactly("diy", "sleman-late");
        assertThat(records.atStations(List.of(), Window.ALL, 10)).isEmpty();
        assertThat(records.atStations(List.of(StationId.of("POLRES-3403")), Window.ALL, 10)).isEmpty();
    }

    @Test
    void theWindowIncludesItsStartAndExcludesItsEnd() {
        records.save(answered("one", SLEMAN, "2026-11-28T01:00:00Z"));
        records.save(answered("two", SLEMAN, "2026-11-28T02:00:00Z"));
        records.save(answered("three", SLEMAN, "2026-11-28T03:00:00Z"));
        Instant two = Instant.parse("2026-11-28T02:00:00Z");
        Instant three = Instant.parse("2026-11-28T03:00:00Z");
        assertThat(ids(records.atStations(List.of(SLEMAN), new Window(two, null), 10))).containsExactly("three", "two");
        assertThat(ids(records.atStations(List.of(SLEMAN), new Window(null, two), 10))).containsExactly("one");
        assertThat(ids(records.atStations(List.of(SLEMAN), new Window(two, three), 10))).containsExactly("two");
        assertThatThrownBy(() -> new Window(three, two)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCallersHistoryHoldsOnlyTheirCallsAtTheAskedStationsNewestFirst() {
        records.save(answered("first", SLEMAN, "2026-11-28T01:00:00Z"));
        records.save(answered("again", SLEMAN, "2026-11-28T02:00:00Z"));
        records.save(answered("in-bantul", BANTUL, "2026-11-28T03:00:00Z"));
        records.save(abandoned("someone-else", SLEMAN, "2026-11-28T04:00:00Z"));
        assertThat(ids(records.ofCaller("+6281200000001", List.of(SLEMAN), 10))).containsExactly("again", "first");
        assertThat(ids(records.ofCaller("+6281200000001", List.of(SLEMAN, BANTUL), 10))).containsExactly("in-bantul", "again", "first");
        assertThat(ids(records.ofCaller("+6281200000001", List.of(SLEMAN, BANTUL), 1))).containsExactly("in-bantul");
        assertThat(ids(records.ofCaller("anonymous", List.of(SLEMAN), 10))).containsExactly("someone-else");
        assertThat(records.ofCaller("+6281299999999", List.of(SLEMAN, BANTUL), 10)).isEmpty();
        assertThat(records.ofCaller("+6281200000001", List.of(), 10)).isEmpty();
    }

    static List<String> ids(List<CallRecord> list) {
        return list.stream().map(r -> r.id().value()).toList();
    }
}
