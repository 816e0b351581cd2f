package id.siaga.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which organisation the service answers for.
 *
 * @param dataset           DEMO serves the built-in Polda DIY region (the default, so one command runs it);
 *                          FILES serves {@code stationsFile} + {@code jurisdictionsFile}; NATIONAL builds
 *                          Mabes, 36 Polda and 514 Polres from {@code nationalDirectory}. Production uses
 *                          FILES with the Polri-maintained station list.
 * @param stationsFile      stations CSV ({@code id,name,kind,parent,status,hq_lat,hq_lon,time_zone}); a path
 *                          ({@code /etc/siaga/stations.csv}), {@code file:} or {@code classpath:} location
 * @param jurisdictionsFile GeoJSON FeatureCollection, one (Multi)Polygon per station, property {@code station}
 * @param operatorsFile     operator positions CSV ({@code id,name,station,username}); optional for NATIONAL
 * @param nationalDirectory directory holding {@code polda_list.csv}, {@code kabkota_to_polda.csv},
 *                          {@code idn_kabkota_cahyadsn.geojson} and {@code idn_kabkota_centroids.csv}
 * @param stationNamesFile  optional station names CSV ({@code id,name}) read at start over the names the stations file
 *                          or the national data give (which derive "Polres Kota Medan" from the kab/kota where Polri
 *                          says "Polrestabes Medan"), e.g. {@code classpath:org/station-names-national.csv} with
 *                          NATIONAL; names an administrator sets in the console or imports win over both. Empty: none.
 */
@ConfigurationProperties("siaga.org")
public record OrgProperties(
        @DefaultValue("DEMO") Dataset dataset,
        @DefaultValue("classpath:demo/stations.csv") String stationsFile,
        @DefaultValue("classpath:demo/jurisdictions.geojson") String jurisdictionsFile,
        @DefaultValue(OrgProperties.DEMO_OPERATORS_FILE) String operatorsFile,
        @DefaultValue("../shared/data/indonesia") String nationalDirectory,
        @DefaultValue("") String stationNamesFile) {

    public enum Dataset { DEMO, FILES, NATIONAL }

    /** The demo region's operator positions, the default file; never read by the national configuration. */
    public static final String DEMO_OPERATORS_FILE = "classpath:demo/operators.csv";

    public OrgProperties {
        if (dataset == Dataset.FILES && (isBlank(stationsFile) || isBlank(jurisdictionsFile))) {
            throw new IllegalArgumentException("siaga.org.stations-file and siaga.org.jurisdictions-file must be set when siaga.org.dataset=FILES");
        }
        if (dataset == Dataset.NATIONAL && isBlank(nationalDirectory)) {
            throw new IllegalArgumentException("siaga.org.national-directory must be set when siaga.org.dataset=NATIONAL");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
