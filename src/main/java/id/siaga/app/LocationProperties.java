package id.siaga.app;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Jurisdiction lookup.
 *
 * @param nearestWithinMeters a point inside no polygon (a boat off the coast, a small island the simplified
 *                            boundaries missed) goes to the nearest polygon within this distance; farther
 *                            out, Mabes takes the call. 20 km covers Indonesia's coastal waters around
 *                            simplified coastlines without handing open-sea calls to an arbitrary Polres.
 * @param freshness           a fix younger than this is fresh; the best fresh fix is the call's location, stale
 *                            ones count only when nothing fresh is left. Two minutes: a caller on a motorbike
 *                            moves a kilometre or more in that time.
 * @param maxAge              a fix measured longer ago than this is never routed on (it is kept, journalled and shown):
 *                            a handset's position from hours or days ago, or a replayed PIDF-LO, says nothing about
 *                            where the caller is now, and the call is better routed by its cell, its area code or the
 *                            default station (waiting {@code route-wait} for AML). A stale fix younger than this routes
 *                            a call that has nothing fresh, and the routing says how old it is. One hour: far beyond a
 *                            handset's fix in an INVITE (seconds) or an AML report (under a minute) and a phone's clock
 *                            error, short enough that a position from another day never picks the station.
 * @param routeWait           a call with only a cell, an area code or nothing waits this long (hearing 180) for a
 *                            better fix before its phones ring. Two seconds: handsets with PIDF-LO send it in the
 *                            INVITE, and a fast AML may arrive; much longer would cost answer time for the rest.
 * @param reroute             a better fix arriving while the call still rings, in another station's jurisdiction,
 *                            moves the call there (journalled "re-routed by AML from … to …").
 * @param matchWindow         an AML report joins the caller's call offered at most this long before it arrived.
 *                            Handsets send AML within seconds and may send again; ten minutes covers a long call.
 * @param cellsFile           the cell table (OpenCelliD columns {@code radio,mcc,net,area,cell,lon,lat,range}), a
 *                            path, {@code file:} or {@code classpath:} location; the demo's invented DIY cells by default. Production: the
 *                            operators' cell lists or an OpenCelliD export for MCC 510.
 * @param areaCodesFile       fixed-line area codes to stations ({@code area_code,station,area}); the demo's by default
 * @param mobileNetworksFile  MCC/MNC list ({@code mcc_mnc_510.csv} of the national data) for network names and MNC
 *                            lengths; when it cannot be read, Indonesia's two-digit MNCs are assumed and names are omitted
 * @param dereferenceHosts    location servers (carriers' LIS host names) that a PIDF-LO given by reference may be fetched
 *                            from with HELD; empty (the default): references are journalled, not fetched. Only these
 *                            hosts are ever contacted, whatever an INVITE names.
 * @param dereferenceTimeout  how long a location server may take; the call rings meanwhile
 */
@ConfigurationProperties("siaga.location")
public record LocationProperties(@DefaultValue("20000") double nearestWithinMeters,
                                 @DefaultValue("2m") Duration freshness,
                                 @DefaultValue("1h") Duration maxAge,
                                 @DefaultValue("2s") Duration routeWait,
                                 @DefaultValue("true") boolean reroute,
                                 @DefaultValue("10m") Duration matchWindow,
                                 @DefaultValue("classpath:demo/cells.csv") String cellsFile,
                                 @DefaultValue("classpath:demo/area-codes.csv") String areaCodesFile,
                                 @DefaultValue("file:../shared/data/indonesia/mcc_mnc_510.csv") String mobileNetworksFile,
                                 @DefaultValue List<String> dereferenceHosts,
                                 @DefaultValue("2s") Duration dereferenceTimeout) {

    public LocationProperties {
        dereferenceHosts = dereferenceHosts == null ? List.of() : List.copyOf(dereferenceHosts);
        if (freshness.isNegative() || freshness.isZero()) {
            throw new IllegalArgumentException("siaga.location.freshness must be positive, got " + freshness);
        }
        if (maxAge.compareTo(freshness) < 0) {
            throw new IllegalArgumentException("siaga.location.max-age must be at least siaga.location.freshness (" + freshness + "), got " + maxAge);
        }
        if (routeWait.isNegative() || routeWait.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("siaga.location.route-wait must be between 0 and 10s, got " + routeWait);
        }
        if (matchWindow.isNegative() || matchWindow.isZero()) {
            throw new IllegalArgumentException("siaga.location.match-window must be positive, got " + matchWindow);
        }
        if (!(nearestWithinMeters >= 0 && nearestWithinMeters <= 500_000)) {
            throw new IllegalArgumentException("siaga.location.nearest-within-meters must be between 0 and 500000, got " + nearestWithinMeters);
        }
    }
}
