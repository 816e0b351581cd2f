package id.siaga.location;

import id.siaga.org.StationId;
import java.util.Objects;

/**
 * A fixed-line caller's area code and the station configured for it ({@code 0274} → Polda DIY). It is a
 * station, not a position: an area code covers a district or a whole province, and a point somewhere in it
 * would look precise on the operator's map when it is not. The resolver routes to the station and shows no
 * marker; {@code area} is the human name from the table ("Daerah Istimewa Yogyakarta"), empty when none.
 */
public record AreaCodeMatch(String areaCode, StationId station, String area) {

    public AreaCodeMatch {
        Objects.requireNonNull(areaCode, "areaCode");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(area, "area (empty when unnamed)");
    }
}
