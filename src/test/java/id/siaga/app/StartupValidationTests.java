package id.siaga.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.Siaga110Application;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/** A wrong file or setting stops the service at start with a message naming the file, place or key. */
class StartupValidationTests {

    @TempDir
    Path dir;

    static final String STATIONS = """
            id,name,kind,parent,status,hq_lat,hq_lon,time_zone
            MABES,Mabes Polri,MABES,,LIVE,-6.24,106.79,WIB
            POLDA-DIY,Polda DIY,POLDA,MABES,LIVE,-7.75,110.39,WIB
            POLRES-3404,Polres Sleman,POLRES,POLDA-DIY,LIVE,-7.71,110.35,WIB
            """;

    static final String AREAS = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"station":"POLDA-DIY"},"geometry":{"type":"Polygon","coordinates":[[[110,-8],[111,-8],[111,-7],[110,-7],[110,-8]]]}},
             {"type":"Feature","properties":{"station":"POLRES-3404"},"geometry":{"type":"Polygon","coordinates":[[[110.2,-7.8],[110.5,-7.8],[110.5,-7.5],[110.2,-7.5],[110.2,-7.8]]]}}
            ]}
            """;

    Throwable start(String stations, String areas, String... extra) throws Exception {
        Path s = Files.writeString(dir.resolve("stations.csv"), stations);
        Path a = Files.writeString(dir.resolve("areas.geojson"), areas);
        Path o = Files.writeString(dir.resolve("operators.csv"), "id,name,station,username\nOP-1,Bripka Rina,POLRES-3404,operator.sleman1\n");
        SpringApplication app = new SpringApplication(Siaga110Application.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("spring.datasource.url", "jdbc:h2:mem:startup" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        settings.put("siaga.journal.spool-file", dir.resolve("spool.jsonl").toString());
        settings.put("siaga.org.dataset", "FILES");
        settings.put("siaga.org.stations-file", "file:" + s);
        settings.put("siaga.org.jurisdictions-file", "file:" + a);
        settings.put("siaga.org.operators-file", "file:" + o);
        settings.put("logging.level.root", "OFF");
        settings.put("siaga.telephony.enabled", "false");
        for (String setting : extra) {
            String[] kv = setting.substring(2).split("=", 2);
            settings.put(kv[0], kv[1]);
        }
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        try {
            app.run(args).close();
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    /** Every message in the cause chain, as the start-up log shows them. */
    static Throwable root(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append(" | ");
        }
        return new IllegalStateException(all.toString());
    }

    @Test
    void anUnknownParentNamesTheFileAndLine() throws Exception {
        Throwable e = start(STATIONS + "POLSEK-X,Polsek X,POLSEK,POLRES-9999,LIVE,-7.7,110.3,WIB\n", AREAS);
        assertThatThrownBy(() -> { throw root(e); }).hasMessageContaining("stations.csv line 5")
                .hasMessageContaining("unknown parent POLRES-9999");
    }

    @Test
    void aStationWithoutAPolygonNamesTheStation() throws Exception {
        Throwable e = start(STATIONS + "POLRES-3402,Polres Bantul,POLRES,POLDA-DIY,LIVE,-7.9,110.3,WIB\n", AREAS);
        assertThatThrownBy(() -> { throw root(e); }).hasMessageContaining("areas.geojson")
                .hasMessageContaining("POLRES-3402").hasMessageContaining("has no jurisdiction polygon");
    }

    @Test
    void anInvalidPolygonNamesTheFeature() throws Exception {
        Throwable e = start(STATIONS, AREAS.replace("[[110.2,-7.8],[110.5,-7.8],[110.5,-7.5],[110.2,-7.5],[110.2,-7.8]]",
                "[[110.2,-7.8],[110.5,-7.5],[110.5,-7.8],[110.2,-7.5],[110.2,-7.8]]"));
        assertThatThrownBy(() -> { throw root(e); }).hasMessageContaining("areas.geojson feature #1 (station=POLRES-3404)")
                .hasMessageContaining("Self-intersection");
    }

    @Test
    void aBadSettingNamesTheKey() throws Exception {
        Throwable e = start(STATIONS, AREAS, "--siaga.location.nearest-within-meters=-5");
        assertThatThrownBy(() -> { throw root(e); }).hasMessageContaining("siaga.location.nearest-within-meters");
        Throwable batch = start(STATIONS, AREAS, "--siaga.journal.max-batch=0");
        assertThatThrownBy(() -> { throw root(batch); }).hasMessageContaining("siaga.journal.max-batch");
        Throwable national = start(STATIONS, AREAS, "--siaga.org.dataset=NATIONAL", "--siaga.org.national-directory=" + dir.resolve("nowhere"));
        assertThatThrownBy(() -> { throw root(national); }).hasMessageContaining("nowhere").hasMessageContaining("polda_list.csv");
    }

    @Test
    void prankWarningsWithoutAnSmsGatewayOrWithTooWideAWindowNameTheKeys() throws Exception {
        Throwable noGateway = start(STATIONS, AREAS, "--siaga.screening.warning.enabled=true");
        assertThatThrownBy(() -> { throw root(noGateway); }).hasMessageContaining("siaga.screening.warning.enabled")
                .hasMessageContaining("siaga.integration.sms-webhook-url");
        Throwable wide = start(STATIONS, AREAS, "--siaga.screening.warning.window=120");
        assertThatThrownBy(() -> { throw root(wide); }).hasMessageContaining("siaga.screening.warning.window must be at most the retention");
        Throwable none = start(STATIONS, AREAS, "--siaga.screening.warning.after=0");
        assertThatThrownBy(() -> { throw root(none); }).hasMessageContaining("siaga.screening.warning.after must be 1 to 100");
    }
}
