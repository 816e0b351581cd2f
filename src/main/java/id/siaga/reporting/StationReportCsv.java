package id.siaga.reporting;

import id.siaga.org.StationTimeZone;
import id.siaga.supervision.AnswerTimes;
import java.math.BigDecimal;
import java.time.ZoneId;

/**
 * A report as one CSV table (RFC 4180, one header line) of four columns, {@code section,key,name,value}: a spreadsheet
 * filters it by section. Sections: {@code report} (station, period, zone, when made), {@code calls}, {@code answers}
 * (shares in percent, seconds), {@code callbacks}, {@code escalation_reason}, {@code operator_missed} (key: operator id,
 * name: the operator's name at the station), {@code incident_type}, {@code on_scene} (minutes), and the series
 * {@code offered}, {@code answered}, {@code abandoned}, {@code escalated} by local hour ("08") or day ("2026-12-03").
 * An empty value is a figure that does not exist (no answer, no arrival). Text a spreadsheet would read as a formula
 * is kept as text with a leading apostrophe.
 */
public final class StationReportCsv {

    static final String HEADER = "section,key,name,value";

    private StationReportCsv() {
    }

    public static String of(StationReport r) {
        ZoneId zone = zoneId(r);
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        row(csv, "report", "station", r.stationName(), r.station());
        row(csv, "report", "period", r.period().label(), r.period().key());
        row(csv, "report", "zone", r.zone(), zone.getId());
        row(csv, "report", "from", "", r.from().atZone(zone).toOffsetDateTime().toString());
        row(csv, "report", "until", "", r.until().atZone(zone).toOffsetDateTime().toString());
        row(csv, "report", "generated_at", "", r.generatedAt().atZone(zone).toOffsetDateTime().toString());
        row(csv, "report", "partial", "", String.valueOf(r.partial()));
        StationReport.Calls c = r.calls();
        row(csv, "calls", "offered", "Panggilan masuk", c.offered());
        row(csv, "calls", "answered", "Dijawab", c.answered());
        row(csv, "calls", "abandoned", "Ditinggalkan penelepon", c.abandoned());
        row(csv, "calls", "cut_off", "Terputus setelah dijawab", c.cutOff());
        row(csv, "calls", "refused", "Ditolak sebelum berdering", c.refused());
        AnswerTimes.Figures a = r.answers();
        row(csv, "answers", "within_10s_percent", "Dijawab dalam 10 detik (%)", a.within10Percent());
        row(csv, "answers", "within_20s_percent", "Dijawab dalam 20 detik (%)", a.within20Percent());
        row(csv, "answers", "median_seconds", "Median waktu jawab (detik)", a.medianSeconds());
        row(csv, "answers", "p90_seconds", "Persentil 90 waktu jawab (detik)", a.p90Seconds());
        row(csv, "answers", "abandoned_percent", "Ditinggalkan (% panggilan masuk)", a.abandonedPercent());
        StationReport.Callbacks cb = r.callbacks();
        row(csv, "callbacks", "abandoned", "Ditinggalkan penelepon", cb.abandoned());
        row(csv, "callbacks", "with_task", "Mendapat tugas telepon balik", cb.withTask());
        row(csv, "callbacks", "called_back", "Sudah ditelepon balik", cb.calledBack());
        row(csv, "callbacks", "called_back_percent", "Sudah ditelepon balik (%)", cb.calledBackPercent());
        row(csv, "escalations", "total", "Eskalasi", r.escalations().total());
        r.escalations().byReason().forEach(x -> row(csv, "escalation_reason", x.reason(), x.label(), x.count()));
        r.escalations().operators().forEach(o -> row(csv, "operator_missed", o.operator(), o.name() + " (" + o.stationName() + ")", o.missed()));
        r.incidentsByType().forEach(t -> row(csv, "incident_type", t.type(), t.type(), t.count()));
        StationReport.OnScene s = r.onScene();
        row(csv, "on_scene", "incidents", "Insiden", s.incidents());
        row(csv, "on_scene", "reached", "Unit tiba di lokasi", s.reachedOnScene());
        row(csv, "on_scene", "within_target", "Tiba dalam " + StationReport.TARGET_ON_SCENE_MINUTES + " menit", s.withinTarget());
        row(csv, "on_scene", "within_target_percent", "Tiba dalam " + StationReport.TARGET_ON_SCENE_MINUTES + " menit (%)", s.withinTargetPercent());
        row(csv, "on_scene", "median_minutes", "Median waktu tiba (menit)", s.medianMinutes());
        row(csv, "on_scene", "p90_minutes", "Persentil 90 waktu tiba (menit)", s.p90Minutes());
        StationReport.Series series = r.series();
        series(csv, r, "offered", "Panggilan masuk", series.offered());
        series(csv, r, "answered", "Dijawab", series.answered());
        series(csv, r, "abandoned", "Ditinggalkan", series.abandoned());
        series(csv, r, "escalated", "Eskalasi", series.escalations());
        return csv.toString();
    }

    /** The zone of the report's station (WIB, WITA, WIT). */
    static ZoneId zoneId(StationReport r) {
        return StationTimeZone.valueOf(r.zone()).zone();
    }

    private static void series(StringBuilder csv, StationReport r, String section, String name, int[] counts) {
        for (int i = 0; i < counts.length; i++) {
            String key = r.period().kind() == ReportPeriod.Kind.DAY ? String.format("%02d", i) : r.period().first().plusDays(i).toString();
            row(csv, section, key, name, counts[i]);
        }
    }

    private static void row(StringBuilder csv, String section, String key, String name, Object value) {
        csv.append(section).append(',').append(text(key)).append(',').append(text(name)).append(',').append(value(value)).append("\r\n");
    }

    private static String value(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return text(v.toString());
    }

    /** Quoted when it holds a comma, a quote or a line break; a leading = + - @ is kept from being read as a formula. */
    static String text(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
