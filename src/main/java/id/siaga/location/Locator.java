package id.siaga.location;

import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import java.util.List;

/** A point, its answering station and that station's chain up to Mabes, from the current station tree. */
public final class Locator {

    /** The answer for one point: the match and the chain, the answering station first. */
    public record Located(double latitude, double longitude, JurisdictionMatch match, List<Station> chain) {
    }

    private final JurisdictionIndex index;
    private final StationDirectory stations;

    public Locator(JurisdictionIndex index, StationDirectory stations) {
        this.index = index;
        this.stations = stations;
    }

    public Located locate(double latitude, double longitude) {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("latitude must be within -90..90 and longitude within -180..180, got "
                    + latitude + ", " + longitude);
        }
        JurisdictionMatch match = index.locate(latitude, longitude);
        return new Located(latitude, longitude, match, stations.tree().chainToRoot(match.station()));
    }

    public double nearestWithinMeters() {
        return index.nearestWithinMeters();
    }
}
