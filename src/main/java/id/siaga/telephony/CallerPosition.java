package id.siaga.telephony;

/**
 * Where the caller is, as the call brought it: WGS84 degrees, the uncertainty radius in metres (NaN if not
 * given), the source (PIDF_LO, AML, CELL_ID, …) and the positioning method the device reported.
 */
public record CallerPosition(double latitude, double longitude, double uncertaintyMeters, String source, String method) {
}
