package id.siaga.staffing;

import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.telephony.CallRecord;
import id.siaga.telephony.CallRecordStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The staffing plans of a station and everything below it, each from that station's own call history over the last
 * whole days in its own zone (a WIT Polres's day ends two hours before a WIB one's): today, still under way, is left
 * out. A station's history is read with a bound; one that holds more calls than that is planned from the newest whole
 * days read, and says so.
 */
public final class StaffingPlans {

    /** Days a plan reads unless asked otherwise: four weeks, so each weekday counts four times. */
    public static final int DEFAULT_DAYS = 28;
    /** The longest window: a quarter; older traffic says little about next week's. */
    public static final int MAX_DAYS = 90;
    /**
     * Calls one station's plan reads at most: 28 days of about 3,500 calls a day. A busier station is planned from fewer
     * days rather than holding more records in memory for one request.
     */
    static final int RECORDS_PER_STATION = 100_000;

    private final StationDirectory stations;
    private final CallRecordStore records;
    private final CallClasses classes;
    private final GateModel gate;
    private final StaffingPlanner planner;
    private final Duration wrapUp;
    private final Clock clock;
    private final int recordLimit;

    public StaffingPlans(StationDirectory stations, CallRecordStore records, Duration wrapUp, Clock clock) {
        this(stations, records, CallClasses.NONE, null, wrapUp, clock, RECORDS_PER_STATION);
    }

    /** With the calls' classifications and the gate's model (null: plans without the gate). */
    public StaffingPlans(StationDirectory stations, CallRecordStore records, CallClasses classes, GateModel gate, Duration wrapUp, Clock clock) {
        this(stations, records, classes, gate, wrapUp, clock, RECORDS_PER_STATION);
    }

    StaffingPlans(StationDirectory stations, CallRecordStore records, Duration wrapUp, Clock clock, int recordLimit) {
        this(stations, records, CallClasses.NONE, null, wrapUp, clock, recordLimit);
    }

    StaffingPlans(StationDirectory stations, CallRecordStore records, CallClasses classes, GateModel gate, Duration wrapUp, Clock clock,
                  int recordLimit) {
        this.stations = Objects.requireNonNull(stations, "stations");
        this.records = Objects.requireNonNull(records, "records");
        this.classes = Objects.requireNonNull(classes, "classes");
        this.gate = gate;
        this.planner = new StaffingPlanner(HandlingTime.talkPlusWrapUp(wrapUp), gate);
        this.wrapUp = wrapUp;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recordLimit = recordLimit;
    }

    /** The gate's model the plans replay, or null when they have none. */
    public GateModel gate() {
        return gate;
    }

    /** The wrap-up each answered call is charged on top of its talk time. */
    public Duration wrapUp() {
        return wrapUp;
    }

    /** Plans for {@code top} and every station below it, parents before children, from the last {@code days} whole days. */
    public List<StaffingPlan> forSubtree(StationId top, int days) {
        requireDays(days);
        return stations.tree().subtree(top).stream().map(s -> forStation(s, days)).toList();
    }

    private StaffingPlan forStation(Station station, int days) {
        ZoneId zone = station.timeZone().zone();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        LocalDate first = today.minusDays(days);
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant until = today.atStartOfDay(zone).toInstant();
        List<CallRecord> read = records.atStations(List.of(station.id()), new CallRecordStore.Window(from, until), recordLimit);
        boolean truncated = read.size() >= recordLimit;
        if (truncated) {
            // the store keeps the newest: the oldest day read may be cut, so the plan starts the day after it
            LocalDate oldest = read.stream().map(CallRecord::offeredAt).min(Instant::compareTo).orElse(from).atZone(zone).toLocalDate();
            first = oldest.plusDays(1).isBefore(today) ? oldest.plusDays(1) : oldest;
        }
        // a call is classified at its wrap-up, after it ended: a day's margin takes in the last day's late words
        java.util.Map<id.siaga.telephony.CallId, id.siaga.screening.Classification> words = classes.of(station.id(), from, until.plus(Duration.ofDays(1)));
        return planner.plan(station, first, today, read, words, truncated);
    }

    static void requireDays(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be 1 to " + MAX_DAYS + ", got " + days);
        }
    }
}
