package id.siaga.reporting;

import id.siaga.dispatch.IncidentClock;
import id.siaga.incident.IncidentId;
import id.siaga.supervision.Escalation;
import id.siaga.supervision.OnSceneTimes;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallRecord;
import id.siaga.telephony.CallRecord.Outcome;
import id.siaga.telephony.CallbackTask;
import id.siaga.org.StationId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Thursday 3 December 2026 at Polda DIY, in literal values (WIB, UTC+7). Polres Sleman and Polres Kota Yogyakarta
 * answer four calls in 4, 8, 12 and 25 s (the last cut off just after); two callers give up at 10:00 and 10:05 (the
 * first called back, the second's task still open) and one call is cut short by a restart at 23:00. Sari at Sleman
 * lets two calls ring, Dodi one; at 10:00 nobody at Sleman is ready. Three accidents and a theft need units, which
 * arrive in 6, 14 and 9 minutes; an information request needs none. Around them: a call of Polres Semarang (not Polda
 * DIY's), calls one second before and exactly after the day, an escalation of the day before.
 */
final class ReportDay {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final String POLDA = "POLDA-DIY";
    static final String SLEMAN = "POLRES-3404";
    static final String KOTA = "POLRES-3471";
    static final String SEMARANG = "POLRES-3374";
    static final Set<String> SCOPE = Set.of(POLDA, SLEMAN, KOTA);
    static final Map<String, String> NAMES = Map.of(POLDA, "Polda Daerah Istimewa Yogyakarta", SLEMAN, "Polres Sleman", KOTA,
            "Polres Kota Yogyakarta", SEMARANG, "Polrestabes Semarang");
    static final Map<String, String> OPERATORS = Map.of("op-sleman-1", "Sari Wulandari", "op-sleman-2", "Dodi Prasetyo");

    private ReportDay() {
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(WIB).toInstant();
    }

    static List<CallRecord> records() {
        return List.of(
                answered("c1", SLEMAN, "2026-12-03T08:00:00", 4, Outcome.ANSWERED),
                answered("c2", SLEMAN, "2026-12-03T08:10:00", 8, Outcome.ANSWERED),
                answered("c3", KOTA, "2026-12-03T09:00:00", 12, Outcome.ANSWERED),
                answered("c4", SLEMAN, "2026-12-03T09:30:00", 25, Outcome.CUT_OFF),
                unanswered("c5", SLEMAN, "2026-12-03T10:00:00", Outcome.ABANDONED),
                unanswered("c6", KOTA, "2026-12-03T10:05:00", Outcome.ABANDONED),
                unanswered("c7", SLEMAN, "2026-12-03T23:00:00", Outcome.INTERRUPTED),
                answered("before", SLEMAN, "2026-12-02T23:59:59", 3, Outcome.ANSWERED),
                answered("after", SLEMAN, "2026-12-04T00:00:00", 3, Outcome.ANSWERED),
                answered("semarang", SEMARANG, "2026-12-03T09:00:00", 3, Outcome.ANSWERED));
    }

    static List<CallbackTask> tasks() {
        return List.of(task("c5", SLEMAN, CallbackTask.Status.CLOSED), task("c6", KOTA, CallbackTask.Status.OPEN),
                task("c4", SLEMAN, CallbackTask.Status.CLOSED));
    }

    static List<Escalation> escalations() {
        return List.of(
                new Escalation("c1", at("2026-12-03T08:00:03"), SLEMAN, POLDA, 1, "TIMEOUT", List.of("op-sleman-1", "op-sleman-2")),
                new Escalation("c3", at("2026-12-03T09:00:05"), SLEMAN, POLDA, 1, "TIMEOUT", List.of("op-sleman-1")),
                new Escalation("c5", at("2026-12-03T10:00:00"), SLEMAN, POLDA, 1, "NOBODY_READY", List.of()),
                new Escalation("semarang", at("2026-12-03T09:00:02"), SEMARANG, "POLDA-JATENG", 1, "TIMEOUT", List.of("op-smg-1")),
                new Escalation("before", at("2026-12-02T23:59:59"), SLEMAN, POLDA, 1, "TIMEOUT", List.of("op-sleman-2")));
    }

    static List<OnSceneTimes.TimedIncident> incidents() {
        return List.of(
                incident("i1", SLEMAN, "Kecelakaan lalu lintas", "2026-12-03T08:01:00", 6, true),
                incident("i2", KOTA, "Kecelakaan lalu lintas", "2026-12-03T09:01:00", 14, true),
                incident("i3", SLEMAN, "Pencurian", "2026-12-03T10:00:00", 9, true),
                incident("i4", KOTA, "Permintaan informasi", "2026-12-03T11:00:00", null, false),
                incident("i5", SLEMAN, "Pencurian", "2026-12-02T22:00:00", 7, true),
                incident("i6", SEMARANG, "Pencurian", "2026-12-03T12:00:00", 5, true));
    }

    static StationReportBuilder.Subject poldaDiy(boolean root) {
        return new StationReportBuilder.Subject(POLDA, NAMES.get(POLDA), "WIB", WIB, SCOPE, root);
    }

    static StationReportBuilder.Inputs inputs(List<Instant> refused) {
        return new StationReportBuilder.Inputs(records(), tasks(), escalations(), incidents(), refused,
                op -> OPERATORS.getOrDefault(op, op), s -> NAMES.getOrDefault(s, s), false);
    }

    static StationReport report(ReportPeriod period) {
        return StationReportBuilder.build(poldaDiy(false), period, inputs(List.of()), at("2026-12-04T00:10:00"));
    }

    private static CallRecord answered(String id, String station, String offered, int seconds, Outcome outcome) {
        Instant o = at(offered);
        return new CallRecord(new CallId(id), "+6281234567" + id.length(), "110", station, o, o.plusSeconds(seconds), o.plusSeconds(120),
                outcome, "op-x", station, 0, "caller", "PIDF-LO", -7.7, 110.4);
    }

    private static CallRecord unanswered(String id, String station, String offered, Outcome outcome) {
        Instant o = at(offered);
        return new CallRecord(new CallId(id), "+628123456700", "110", station, o, null, o.plusSeconds(30), outcome, null, null, null, "caller",
                "PIDF-LO", -7.7, 110.4);
    }

    private static CallbackTask task(String call, String station, CallbackTask.Status status) {
        Instant created = at("2026-12-03T10:10:00");
        boolean closed = status == CallbackTask.Status.CLOSED;
        return new CallbackTask("t-" + call, new CallId(call), "+628123456700", StationId.of(station), null, null, created, status,
                closed ? "operator.sleman1" : null, closed ? created.plusSeconds(60) : null, closed ? "operator.sleman1" : null,
                closed ? created.plusSeconds(300) : null, closed ? "tersambung, aman" : null);
    }

    private static OnSceneTimes.TimedIncident incident(String id, String station, String type, String start, Integer minutes, boolean needsUnits) {
        Instant s = at(start);
        Duration target = Duration.ofMinutes(10);
        Instant onScene = minutes == null ? null : s.plus(Duration.ofMinutes(minutes));
        Duration elapsed = minutes == null ? Duration.ofMinutes(30) : Duration.ofMinutes(minutes);
        IncidentClock.State state = minutes == null ? IncidentClock.State.OVERDUE
                : elapsed.compareTo(target) <= 0 ? IncidentClock.State.MET : IncidentClock.State.MISSED;
        IncidentClock clock = new IncidentClock(new IncidentId(id), s, s, s, s.plusSeconds(60), s.plusSeconds(90), onScene, target, elapsed,
                target.minus(elapsed), state);
        return new OnSceneTimes.TimedIncident(id, station, type, 2, minutes == null, needsUnits, clock);
    }
}
