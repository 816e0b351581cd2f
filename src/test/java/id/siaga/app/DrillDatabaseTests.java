package id.siaga.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The shipped settings, resolved as a start resolves them (application.yml, the profile's file, the command line), with
 * nothing else started: the drill keeps to a database and a spool of its own, so a normal start never sees a drill's
 * incidents, unit states, assignments, journal or call-back tasks (issue 18: after a drill the normal start showed 17
 * open "Latihan" incidents and every unit EN_ROUTE). A drill pointed at any other database refuses to start.
 */
class DrillDatabaseTests {

    @Configuration(proxyBeanMethods = false)
    static class SettingsOnly {
    }

    @Test
    void theDrillProfileUsesItsOwnDatabaseAndSpoolNotTheNormalStarts() {
        Resolved normal = resolve(new String[0]);
        Resolved drill = resolve(new String[] {"drill"});
        assertThat(normal.datasourceUrl()).startsWith("jdbc:h2:file:./data/siaga110;");
        assertThat(drill.datasourceUrl()).startsWith("jdbc:h2:file:./data/drill/siaga110;");
        assertThat(drill.spoolFile()).isEqualTo("./data/drill/journal-spool.jsonl");
        assertThat(normal.spoolFile()).isEqualTo("./data/journal-spool.jsonl");
        DrillDatabase.requireOwn(drill.drill(), drill.datasourceUrl(), drill.journal());
    }

    @Test
    void siagaDrillDirMovesTheDrillsFilesTogether() {
        Resolved drill = resolve(new String[] {"drill"}, "--SIAGA_DRILL_DIR=/srv/latihan");
        assertThat(drill.datasourceUrl()).startsWith("jdbc:h2:file:/srv/latihan/siaga110;");
        assertThat(drill.spoolFile()).isEqualTo("/srv/latihan/journal-spool.jsonl");
        DrillDatabase.requireOwn(drill.drill(), drill.datasourceUrl(), drill.journal());
    }

    @Test
    void theDrillFlagAloneOnTheNormalDatabaseRefusesToStart() {
        Resolved flagOnly = resolve(new String[0], "--siaga.drill.enabled=true");
        assertThatThrownBy(() -> DrillDatabase.requireOwn(flagOnly.drill(), flagOnly.datasourceUrl(), flagOnly.journal()))
                .hasMessageContaining("siaga.drill.database-url (not set)").hasMessageContaining("drill profile")
                .hasMessageNotContaining("MODE=PostgreSQL");
    }

    @Test
    void theDrillProfileWithPostgresOrAnExplicitDatasourceRefusesUnlessTheDrillIsToldItOwnsIt() {
        Resolved postgres = resolve(new String[] {"drill", "postgres"}, "--SIAGA_DB_URL=jdbc:postgresql://db/siaga110?password=secret");
        assertThatThrownBy(() -> DrillDatabase.requireOwn(postgres.drill(), postgres.datasourceUrl(), postgres.journal()))
                .hasMessageContaining("spring.datasource.url (jdbc:postgresql://db/siaga110)").hasMessageNotContaining("secret");
        Resolved explicit = resolve(new String[] {"drill"}, "--spring.datasource.url=jdbc:postgresql://db/latihan");
        assertThatThrownBy(() -> DrillDatabase.requireOwn(explicit.drill(), explicit.datasourceUrl(), explicit.journal()))
                .hasMessageContaining("is not siaga.drill.database-url");
        Resolved owned = resolve(new String[] {"drill"}, "--spring.datasource.url=jdbc:postgresql://db/latihan",
                "--siaga.drill.database-url=jdbc:postgresql://db/latihan");
        DrillDatabase.requireOwn(owned.drill(), owned.datasourceUrl(), owned.journal());
    }

    @Test
    void aDrillOnItsOwnDatabaseWithTheNormalSpoolRefusesToStart() {
        Resolved shared = resolve(new String[0], "--siaga.drill.enabled=true", "--siaga.drill.database-url=jdbc:h2:mem:latihan",
                "--spring.datasource.url=jdbc:h2:mem:latihan");
        assertThatThrownBy(() -> DrillDatabase.requireOwn(shared.drill(), shared.datasourceUrl(), shared.journal()))
                .hasMessageContaining("siaga.journal.spool-file (./data/journal-spool.jsonl) is a normal start's spool");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theDrillEmptiesItsOwnDatabaseSoTheMigrationsStartAfresh(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.migrateToLatest();
            assertThat(tables(db)).as("the migrated schema").isNotEmpty();
            DrillDatabase.empty(db.dataSource(), db.url());
            assertThat(tables(db)).as("nothing of the last drill left").isEmpty();
            db.migrateToLatest();
            assertThat(tables(db)).as("migrated again from the start").isNotEmpty();
        }
    }

    private static java.util.List<String> tables(TestDatabase db) throws java.sql.SQLException {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (java.sql.Connection c = db.dataSource().getConnection();
             java.sql.ResultSet r = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (r.next()) {
                if ("public".equalsIgnoreCase(r.getString("TABLE_SCHEM"))) {
                    names.add(r.getString("TABLE_NAME"));
                }
            }
        }
        return names;
    }

    record Resolved(String datasourceUrl, String spoolFile, DrillProperties drill, JournalProperties journal) {
    }

    private static Resolved resolve(String[] profiles, String... args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SettingsOnly.class).web(WebApplicationType.NONE)
                .profiles(profiles).bannerMode(org.springframework.boot.Banner.Mode.OFF).logStartupInfo(false).run(args)) {
            Environment env = context.getEnvironment();
            Binder binder = Binder.get(env);
            JournalProperties journal = binder.bindOrCreate("siaga.journal", JournalProperties.class);
            return new Resolved(env.getProperty("spring.datasource.url"), journal.spoolFile(),
                    binder.bindOrCreate("siaga.drill", DrillProperties.class), journal);
        }
    }
}
