package id.siaga.location;

import java.util.Locale;

/**
 * How good a kind of fix is, best first: a satellite fix is a doorstep, Wi-Fi a building, a cell a
 * neighbourhood or a valley, an area code a whole district. Fusion ranks fixes by this before accuracy,
 * because a cell table's "radius" is a planner's estimate while a GNSS uncertainty is measured.
 */
public enum FixQuality {
    GNSS, WIFI, CELL, PREFIX, DEFAULT;

    /**
     * The quality of a fix from its source and method word. A PIDF-LO without a method word is judged by its
     * uncertainty (≤ 50 m as satellites, ≤ 250 m as Wi-Fi, else as a cell), since carriers' location servers
     * often omit it; a fix with neither is taken as a cell.
     */
    public static FixQuality of(LocationFix fix) {
        switch (fix.source()) {
            case CELL_ID:
                return CELL;
            case NUMBER_PREFIX:
                return PREFIX;
            case DEFAULT:
                return DEFAULT;
            default:
                break;
        }
        String method = fix.method().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
        if (method.contains("gps") || method.contains("gnss") || method.contains("galileo") || method.contains("glonass")
                || method.contains("beidou") || method.contains("satellite")) {
            return GNSS;
        }
        if (method.contains("wifi") || method.contains("wlan") || method.equals("wiremap") || method.equals("manual")) {
            return WIFI; // a wire map or a civic address the caller confirmed is at least a building
        }
        if (method.contains("cell") || method.contains("ecid") || method.contains("otdoa")) {
            return CELL;
        }
        if (!fix.hasUncertainty()) {
            return CELL;
        }
        return fix.uncertaintyMeters() <= 50 ? GNSS : fix.uncertaintyMeters() <= 250 ? WIFI : CELL;
    }
}
