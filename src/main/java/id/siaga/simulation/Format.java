package id.siaga.simulation;

import java.util.Locale;

/** Numbers as the report prints them: fixed decimals, a dot, whatever the machine's locale. */
final class Format {

    private Format() {
    }

    static String seconds(double seconds) {
        return number(seconds, seconds == Math.rint(seconds) ? 0 : 1) + " s";
    }

    static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : number(100 * share, 1) + " %";
    }
}
