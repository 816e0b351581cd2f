package id.siaga.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The Indonesian reference data, read in place from {@code ../shared/data/indonesia}. */
public final class NationalData {

    private NationalData() {
    }

    public static Path directory() {
        Path dir = Path.of(System.getProperty("siaga.national-data", "../shared/data/indonesia"));
        Peers.require(Files.isRegularFile(dir.resolve("idn_kabkota_cahyadsn.geojson")),
                "national reference data not found at " + dir.toAbsolutePath());
        return dir;
    }
}
