package id.siaga.supervision;

import java.math.BigDecimal;
import java.time.ZoneId;

/**
 * The persistent prank numbers as CSV (RFC 4180, one header line), for the station's own follow-up: one row per number
 * with its last measured position; times in the station's zone. An empty field is something not known (no position,
 * no uncertainty given by the source). A field that a spreadsheet would read as a formula (a number's leading +) is
 * kept as text with a leading apostrophe.
 */
public final class PrankNumbersCsv {

    static final String HEADER = "number,pranks,station,station_name,last_call,score,flagged,last_position_at,latitude,longitude,source,"
            + "uncertainty_m,call";

    private PrankNumbersCsv() {
    }

    public static String of(PrankNumberList list, ZoneId zone) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (PrankNumberList.Entry e : list.numbers()) {
            PrankNumberList.Position p = e.lastPosition();
            csv.append(text(e.number())).append(',').append(e.pranks()).append(',').append(text(e.station())).append(',')
                    .append(text(e.stationName())).append(',').append(e.lastCall() == null ? "" : e.lastCall().atZone(zone).toOffsetDateTime())
                    .append(',').append(number(e.score())).append(',').append(e.flagged()).append(',');
            if (p == null) {
                csv.append(",,,,,");
            } else {
                csv.append(p.at().atZone(zone).toOffsetDateTime()).append(',').append(number(p.latitude())).append(',').append(number(p.longitude()))
                        .append(',').append(text(p.source())).append(',').append(p.uncertaintyMeters() == null ? "" : number(p.uncertaintyMeters()))
                        .append(',').append(text(p.call()));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    private static String number(double n) {
        return BigDecimal.valueOf(n).stripTrailingZeros().toPlainString();
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
