package id.siaga.app;

import id.siaga.location.AreaCodeTable;
import id.siaga.location.CellTable;
import id.siaga.location.MncLengths;
import id.siaga.location.MobileNetworks;
import java.util.Optional;
import org.springframework.core.io.ResourceLoader;
import id.siaga.location.JurisdictionIndex;
import id.siaga.location.Jurisdictions;
import id.siaga.location.Locator;
import id.siaga.org.StationDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LocationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LocationConfiguration.class);

    @Bean
    JurisdictionIndex jurisdictionIndex(Jurisdictions jurisdictions, LocationProperties props) {
        long started = System.nanoTime();
        JurisdictionIndex index = new JurisdictionIndex(jurisdictions, props.nearestWithinMeters());
        log.info("jurisdiction index built: {} polygons in {} ms, nearest polygon within {} m", index.polygonCount(),
                (System.nanoTime() - started) / 1_000_000, props.nearestWithinMeters());
        return index;
    }

    @Bean
    CellTable cellTable(LocationProperties props, ResourceLoader resources) {
        CellTable cells = SettingFiles.read(resources, "siaga.location.cells-file", props.cellsFile(), CellTable::read);
        log.info("cell table {}: {} cells", props.cellsFile(), cells.size());
        return cells;
    }

    @Bean
    AreaCodeTable areaCodeTable(LocationProperties props, ResourceLoader resources, StationDirectory stations) {
        AreaCodeTable codes = SettingFiles.read(resources, "siaga.location.area-codes-file", props.areaCodesFile(), (reader, source) -> AreaCodeTable.read(reader, source, stations.tree()));
        log.info("area-code table {}: {} codes", props.areaCodesFile(), codes.size());
        return codes;
    }

    /** Network names and MNC lengths; without the list, Indonesia's two-digit MNCs and no names. */
    @Bean
    MobileNetworksView mobileNetworks(LocationProperties props, ResourceLoader resources) {
        if (!SettingFiles.exists(resources, props.mobileNetworksFile())) {
            log.warn("mobile network list {} not found: assuming two-digit MNCs for MCC 510, no network names", props.mobileNetworksFile());
            return new MobileNetworksView(Optional.empty());
        }
        MobileNetworks networks = SettingFiles.read(resources, "siaga.location.mobile-networks-file", props.mobileNetworksFile(), MobileNetworks::read);
        log.info("mobile network list {}: {} networks", props.mobileNetworksFile(), networks.size());
        return new MobileNetworksView(Optional.of(networks));
    }

    /** The MCC/MNC list when it could be read. */
    record MobileNetworksView(Optional<MobileNetworks> networks) {
        MncLengths mncLengths() {
            return networks.<MncLengths>map(n -> n).orElse(MncLengths.INDONESIA);
        }
    }

    @Bean
    Locator locator(JurisdictionIndex index, StationDirectory stations) {
        return new Locator(index, stations);
    }
}
