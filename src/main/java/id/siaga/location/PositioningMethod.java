package id.siaga.location;

import java.util.Locale;

/**
 * How a handset measured the position it sent in an AML message: the SMS {@code pm} code (ETSI TS 103 625:
 * {@code G}, {@code W}, {@code C}, {@code N}; {@code U} is seen in the field) or the HTTPS
 * {@code location_source} word ({@code gps}, {@code wifi}, {@code cell}, {@code unknown}). It matters to the
 * operator: a GNSS fix of 14 m is a doorstep, a cell fix of 14 m is a handset that rounded.
 */
public enum PositioningMethod {
    /** Satellites (GPS, Galileo, BeiDou …), possibly assisted. */
    GNSS("GNSS"),
    /** Wi-Fi access points the handset could see. */
    WIFI("Wi-Fi"),
    /** The mobile network's cells. */
    CELL("Cell"),
    /** The handset says it has no position ({@code pm=N}). */
    NONE(""),
    /** The handset did not say, or said something this version does not know. */
    UNKNOWN("");

    private final String word;

    PositioningMethod(String word) {
        this.word = word;
    }

    /** The word for {@link LocationFix#method()}: GNSS, Wi-Fi, Cell, or empty when the handset said nothing useful. */
    public String word() {
        return word;
    }

    /** The SMS {@code pm} code; anything but G, W, C, N is {@link #UNKNOWN}. */
    static PositioningMethod ofSmsCode(String code) {
        return switch (code) {
            case "G" -> GNSS;
            case "W" -> WIFI;
            case "C" -> CELL;
            case "N" -> NONE;
            default -> UNKNOWN;
        };
    }

    /** The HTTPS {@code location_source} word, in any case; anything unrecognised is {@link #UNKNOWN}. */
    static PositioningMethod ofHttpsSource(String source) {
        return switch (source.toLowerCase(Locale.ROOT)) {
            case "gps", "gnss" -> GNSS;
            case "wifi", "wi-fi" -> WIFI;
            case "cell" -> CELL;
            default -> UNKNOWN;
        };
    }
}
