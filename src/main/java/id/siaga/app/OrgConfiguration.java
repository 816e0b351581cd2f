package id.siaga.app;

import id.siaga.location.JurisdictionGeoJson;
import id.siaga.location.Jurisdictions;
import id.siaga.location.NationalDataset;
import id.siaga.org.InvalidStationDataException;
import id.siaga.org.OperatorRoster;
import id.siaga.org.PresenceBoard;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationNameStore;
import id.siaga.org.StationNamesCsv;
import id.siaga.org.StationStatusStore;
import id.siaga.org.StationTree;
import id.siaga.org.StationsCsvReader;
import id.siaga.store.JdbcStationNameStore;
import id.siaga.store.JdbcStationStatusStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

/** Loads the organisation named in {@link OrgProperties} and fails start-up, naming file and place, on bad data. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OrgProperties.class, LocationProperties.class, JournalProperties.class, AccessProperties.class,
        ConsoleProperties.class})
class OrgConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OrgConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Jurisdictions jurisdictions(OrgProperties props, ResourceLoader resources) {
        long started = System.nanoTime();
        Jurisdictions j = switch (props.dataset()) {
            case NATIONAL -> NationalDataset.read(Path.of(props.nationalDirectory()));
            case DEMO, FILES -> fromFiles(props, resources);
        };
        log.info("organisation loaded ({}): {} stations, {} jurisdiction polygons in {} ms", props.dataset(), j.tree().size(),
                j.areas().size(), (System.nanoTime() - started) / 1_000_000);
        return j;
    }

    private static Jurisdictions fromFiles(OrgProperties props, ResourceLoader resources) {
        StationTree tree = SettingFiles.read(resources, "siaga.org.stations-file", props.stationsFile(), StationsCsvReader::read);
        var areas = SettingFiles.read(resources, "siaga.org.jurisdictions-file", props.jurisdictionsFile(), (r, source) -> JurisdictionGeoJson.read(r, source, "station",
                StationId::of, JurisdictionGeoJson.InvalidGeometry.REJECT));
        try {
            return new Jurisdictions(tree, areas);
        } catch (InvalidStationDataException e) {
            throw new InvalidStationDataException(props.jurisdictionsFile() + ": " + e.getMessage(), e);
        }
    }

    @Bean
    StationStatusStore stationStatusStore(JdbcTemplate jdbc) {
        return new JdbcStationStatusStore(jdbc);
    }

    @Bean
    StationNameStore stationNameStore(JdbcTemplate jdbc) {
        return new JdbcStationNameStore(jdbc);
    }

    @Bean
    StationDirectory stationDirectory(Jurisdictions jurisdictions, StationStatusStore statuses, StationNameStore names, OrgProperties props,
                                      ResourceLoader resources, Clock clock) {
        StationTree tree = jurisdictions.tree();
        if (!props.stationNamesFile().isBlank()) {
            StationTree files = tree;
            var lines = SettingFiles.read(resources, "siaga.org.station-names-file", props.stationNamesFile(),
                    (r, source) -> StationNamesCsv.read(r, source, files));
            Map<StationId, String> named = new LinkedHashMap<>();
            lines.forEach(l -> named.put(l.station(), l.name()));
            tree = tree.withNames(named);
            log.info("station names: {} from {} (siaga.org.station-names-file)", named.size(), props.stationNamesFile());
        }
        return new StationDirectory(tree, statuses, names, clock);
    }

    @Bean
    id.siaga.org.PositionStore positionStore(JdbcTemplate jdbc) {
        return new id.siaga.store.JdbcPositionStore(jdbc);
    }

    /**
     * The positions that can be rung, from the database. On the first start that finds no position there, the operators
     * file seeds it (the demo's, or {@code siaga.org.operators-file}); from then on positions are administered in the
     * console ({@link PositionAdministration}) and the file is not read again.
     */
    @Bean
    @org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization
    OperatorRoster operatorRoster(OrgProperties props, Jurisdictions jurisdictions, ResourceLoader resources, id.siaga.org.PositionStore positions,
                                  Clock clock) {
        StationTree tree = jurisdictions.tree();
        if (positions.isEmpty()) {
            // the national configuration starts with no positions unless a file of its own is named: the demo's (the
            // default) are the demo region's desks, seated with the demo's usernames
            boolean demoFile = props.operatorsFile().equals(OrgProperties.DEMO_OPERATORS_FILE);
            List<id.siaga.org.Operator> seed = props.dataset() == OrgProperties.Dataset.NATIONAL
                    && (demoFile || !SettingFiles.exists(resources, props.operatorsFile()))
                    ? List.of()
                    : SettingFiles.read(resources, "siaga.org.operators-file", props.operatorsFile(),
                            (r, source) -> OperatorRoster.readFile(r, source, tree));
            int added = positions.seed(seed.stream().map(o -> new id.siaga.org.Position(o.id(), o.station(), o.name(), o.username(), true)).toList(),
                    "seed " + props.operatorsFile(), clock.instant());
            if (seed.isEmpty() && props.dataset() == OrgProperties.Dataset.NATIONAL) {
                log.info("positions: none yet (the national configuration starts without; administer them at /admin/positions.html, "
                        + "or seed them once from siaga.org.operators-file)");
            } else {
                log.info("positions: {} seeded from {} into the database", added, props.operatorsFile());
            }
        }
        return new OperatorRoster(PositionAdministration.rosterOf(positions.all(), tree));
    }

    @Bean
    PresenceBoard presenceBoard(OperatorRoster roster, Clock clock) {
        return new PresenceBoard(roster, clock);
    }

}
