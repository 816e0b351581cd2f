package id.siaga.staffing;

import java.math.BigDecimal;
import java.util.List;

/**
 * Staffing plans as CSV (RFC 4180, one header line): one row per station and local hour, for a spreadsheet or the
 * rostering tool. An empty field is a figure that does not exist (no calls that hour, no handling time to size from);
 * {@code basis} says which. The {@code gate_} columns are the same hour with the gate on (empty without a gate model).
 */
public final class StaffingCsv {

    static final String HEADER = "station,station_name,zone,hour,calls,arrivals_per_hour,mean_handling_s,load_erlangs,operators_10s,"
            + "operators_20s,operators_plan,service_level_10s_percent,service_level_20s_percent,occupancy_percent,basis,"
            + "gate_arrivals_per_hour,gate_operators_10s,gate_operators_20s,gate_operators_plan";

    private StaffingCsv() {
    }

    public static String of(List<StaffingPlan> plans) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (StaffingPlan plan : plans) {
            for (StaffingPlan.HourPlan h : plan.hours()) {
                StaffingPlan.HourPlan g = plan.withGate() == null ? null : plan.withGate().hours().get(h.hour());
                csv.append(text(plan.station())).append(',').append(text(plan.name())).append(',').append(plan.zone()).append(',')
                        .append(h.hour()).append(',').append(h.calls()).append(',').append(number(h.arrivalsPerHour())).append(',')
                        .append(number(h.meanHandlingSeconds())).append(',').append(number(h.offeredLoadErlangs())).append(',')
                        .append(number(h.operatorsFor10s())).append(',').append(number(h.operatorsFor20s())).append(',')
                        .append(number(h.operators())).append(',').append(number(h.serviceLevel10sPercent())).append(',')
                        .append(number(h.serviceLevel20sPercent())).append(',').append(number(h.occupancyPercent())).append(',')
                        .append(h.basis().name()).append(',')
                        .append(g == null ? "" : number(g.arrivalsPerHour())).append(',').append(g == null ? "" : number(g.operatorsFor10s()))
                        .append(',').append(g == null ? "" : number(g.operatorsFor20s())).append(',').append(g == null ? "" : number(g.operators()))
                        .append("\r\n");
            }
        }
        return csv.toString();
    }

    private static String number(Number n) {
        if (n == null) {
            return "";
        }
        if (n instanceof Integer) {
            return n.toString();
        }
        return BigDecimal.valueOf(n.doubleValue()).stripTrailingZeros().toPlainString();
    }

    /** Quoted when it holds a comma, a quote or a line break; a leading = + - @ is kept from being read as a formula. */
    private static String text(String value) {
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
