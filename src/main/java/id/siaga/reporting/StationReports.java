package id.siaga.reporting;

import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.org.Operator;
import id.siaga.org.OperatorId;
import id.siaga.org.OperatorRoster;
import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import id.siaga.supervision.EscalationReader;
import id.siaga.supervision.IncidentTimes;
import id.siaga.telephony.CallRecord;
import id.siaga.telephony.CallRecordStore;
import id.siaga.telephony.CallbackTask;
import id.siaga.telephony.CallbackTaskStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Gathers a report's inputs from where they are kept and hands them to {@link StationReportBuilder}: the period's
 * call records of the subtree ({@link CallRecordStore}), the subtree's call-back tasks ({@link CallbackTaskStore}),
 * the journal's {@code CallEscalated} entries of the period (read as supervision reads them, {@link EscalationReader})
 * and {@code CallRefused} for the root, and the incidents with their clocks ({@link IncidentTimes}, the board's port).
 */
public final class StationReports {

    /** Most calls one report reads; a Polda's month stays below it. Beyond it the report says it is partial. */
    static final int MOST_CALLS = 200_000;
    /** Most call-back tasks one report reads (newest first). */
    static final int MOST_TASKS = 50_000;

    static final Set<String> ESCALATED = Set.of("CallEscalated");
    static final Set<String> REFUSED = Set.of("CallRefused");

    private final StationDirectory stations;
    private final OperatorRoster roster;
    private final CallRecordStore records;
    private final CallbackTaskStore tasks;
    private final Journal journal;
    private final IncidentTimes incidents;
    private final Clock clock;

    public StationReports(StationDirectory stations, OperatorRoster roster, CallRecordStore records, CallbackTaskStore tasks, Journal journal,
                          IncidentTimes incidents, Clock clock) {
        this.stations = stations;
        this.roster = roster;
        this.records = records;
        this.tasks = tasks;
        this.journal = journal;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** The period's report of {@code station} and everything below it. */
    public StationReport report(StationId station, ReportPeriod period) {
        StationTree tree = stations.tree();
        Station top = tree.get(station);
        ZoneId zone = top.timeZone().zone();
        Instant from = period.start(zone);
        Instant until = period.end(zone);
        List<StationId> subtree = tree.subtree(station).stream().map(Station::id).toList();
        Set<String> scope = Set.copyOf(subtree.stream().map(StationId::value).toList());
        boolean root = tree.root().id().equals(station);

        List<CallRecord> calls = records.atStations(subtree, new CallRecordStore.Window(from, until), MOST_CALLS);
        List<CallbackTask> callbacks = tasks.atStations(subtree, true, MOST_TASKS);
        List<JournalEntry> escalated = new ArrayList<>();
        journal.ofTypesSince(ESCALATED, from, e -> {
            if (e.at().isBefore(until)) {
                escalated.add(e);
            }
        });
        List<Instant> refused = new ArrayList<>();
        if (root) {
            journal.ofTypesSince(REFUSED, from, e -> refused.add(e.at()));
        }
        IncidentTimes.Read read = incidents.of(scope, from);
        boolean partial = calls.size() >= MOST_CALLS || callbacks.size() >= MOST_TASKS || read.partial();
        var subject = new StationReportBuilder.Subject(station.value(), top.name(), top.timeZone().name(), zone, scope, root);
        var inputs = new StationReportBuilder.Inputs(calls, callbacks, EscalationReader.of(escalated), read.incidents(), refused,
                this::operatorName, s -> tree.find(StationId.of(s)).map(Station::name).orElse(s), partial);
        return StationReportBuilder.build(subject, period, inputs, clock.instant());
    }

    private String operatorName(String id) {
        try {
            return roster.find(new OperatorId(id)).map(Operator::name).orElse(id);
        } catch (IllegalArgumentException e) {
            return id;
        }
    }
}
