package id.siaga.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.Siaga110Application;
import id.siaga.org.InvalidStationDataException;
import id.siaga.security.Role;
import id.siaga.security.UserAccount;
import id.siaga.security.UserAccountStore;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Every file setting takes a plain path, as a newcomer writes it, as well as {@code file:} and {@code classpath:}; a
 * file that is not there stops the start with the setting, its value and the place looked at.
 */
class SettingFilesTests {

    @TempDir
    Path dir;

    static String text(String location) {
        return SettingFiles.<String>read(new DefaultResourceLoader(), "siaga.x-file", location,
                (r, source) -> new BufferedReader(r).lines().collect(Collectors.joining("\n")));
    }

    @Test
    void aPlainPathAFileUrlAndAClasspathLocationAllRead() throws Exception {
        Path file = Files.writeString(dir.resolve("units.csv"), "isi berkas");
        assertThat(text(file.toString())).isEqualTo("isi berkas");
        assertThat(text("file:" + file)).isEqualTo("isi berkas");
        Path relative = Path.of("").toAbsolutePath().relativize(file);
        assertThat(text(relative.toString())).as("relative to the working directory").isEqualTo("isi berkas");
        assertThat(text("classpath:demo/users.csv")).contains("username,display_name,roles,station,password");
    }

    @Test
    void aMissingFileNamesTheSettingTheValueAndWhereItLooked() {
        DefaultResourceLoader resources = new DefaultResourceLoader();
        String missing = dir.resolve("tidak-ada.csv").toString();
        assertThatThrownBy(() -> SettingFiles.<String>read(resources, "siaga.access.users-file", missing, (r, s) -> "")).isInstanceOf(
                InvalidStationDataException.class).hasMessage("siaga.access.users-file=" + missing + ": file not found (looked for the file "
                + missing + "; a setting takes a path, file:PATH or classpath:PATH)");
        assertThatThrownBy(() -> SettingFiles.<String>read(resources, "siaga.org.stations-file", "classpath:nowhere.csv", (r, s) -> ""))
                .hasMessageStartingWith("siaga.org.stations-file=classpath:nowhere.csv: file not found (looked for class path resource [nowhere.csv]");
    }

    /** The service started with every file named by a plain path, the users file among them: its logins are seeded. */
    @Test
    void theServiceStartsFromPlainPaths() throws Exception {
        Path stations = Files.writeString(dir.resolve("stations.csv"), StartupValidationTests.STATIONS);
        Path areas = Files.writeString(dir.resolve("areas.geojson"), StartupValidationTests.AREAS);
        Path operators = Files.writeString(dir.resolve("operators.csv"), "id,name,station,username\nOP-1,Bripka Rina,POLRES-3404,operator.sleman1\n");
        Path users = Files.writeString(dir.resolve("users.csv"), "username,display_name,roles,station,password\n"
                + "operator.sleman1,Bripka Rina,OPERATOR,POLRES-3404,rahasia-sekali\n");
        Path units = Files.writeString(dir.resolve("units.csv"), "id,call_sign,kind,station,devices,members\n");
        Path areaCodes = Files.writeString(dir.resolve("area-codes.csv"), "area_code,station,area\n0274,POLDA-DIY,Yogyakarta\n");
        SpringApplication app = new SpringApplication(Siaga110Application.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = app.run(
                "--spring.datasource.url=jdbc:h2:mem:plainpaths" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "--siaga.journal.spool-file=" + dir.resolve("spool.jsonl"), "--logging.level.root=OFF", "--siaga.telephony.enabled=false",
                "--siaga.org.dataset=FILES", "--siaga.org.stations-file=" + stations, "--siaga.org.jurisdictions-file=" + areas,
                "--siaga.org.operators-file=" + operators, "--siaga.access.users-file=" + users, "--siaga.dispatch.units-file=" + units,
                "--siaga.location.area-codes-file=" + areaCodes)) {
            UserAccount seeded = context.getBean(UserAccountStore.class).find("operator.sleman1").orElseThrow();
            assertThat(seeded.roles()).containsExactly(Role.OPERATOR);
        }
    }
}
