package id.siaga.org;

import java.time.ZoneId;

/** Indonesia's three civil time zones, as operators say them. */
public enum StationTimeZone {
    WIB("Asia/Jakarta"), WITA("Asia/Makassar"), WIT("Asia/Jayapura");

    private final ZoneId zone;

    StationTimeZone(String zone) {
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }
}
