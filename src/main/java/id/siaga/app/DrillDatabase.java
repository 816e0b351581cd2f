package id.siaga.app;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drill's own database and files (issue 18): a drill once wrote into the database of a normal start, which then
 * showed its open "Latihan" incidents, every unit EN_ROUTE and a drill assignment in the officer app. The drill runs
 * only on the database named {@code siaga.drill.database-url} (the {@code drill} profile's H2 file under
 * {@code ./data/drill}), empties it at every start, and never shares the journal's spool (and the spools and recordings
 * beside it) with a normal start.
 */
final class DrillDatabase {

    private static final Logger log = LoggerFactory.getLogger(DrillDatabase.class);
    /** Where a normal start keeps its journal spool (the default of {@code siaga.journal.spool-file}). */
    static final Path NORMAL_SPOOL = Path.of("./data/journal-spool.jsonl");

    private DrillDatabase() {
    }

    /** Whether the datasource is the drill's own: exactly the URL {@code siaga.drill.database-url} names. */
    static boolean isOwn(DrillProperties drill, String datasourceUrl) {
        return !drill.databaseUrl().isBlank() && drill.databaseUrl().strip().equals(datasourceUrl == null ? "" : datasourceUrl.strip());
    }

    /**
     * Fails with the setting to change when the drill would write where a normal start reads.
     *
     * @throws IllegalStateException naming {@code siaga.drill.database-url} or {@code siaga.journal.spool-file}
     */
    static void requireOwn(DrillProperties drill, String datasourceUrl, JournalProperties journal) {
        if (!isOwn(drill, datasourceUrl)) {
            throw new IllegalStateException("the drill writes simulated incidents, unit states, assignments and journal entries into its "
                    + "database and empties it at every start, so it runs only on a database of its own: spring.datasource.url ("
                    + withoutSettings(datasourceUrl) + ") is not siaga.drill.database-url (" + (drill.databaseUrl().isBlank() ? "not set"
                    : withoutSettings(drill.databaseUrl())) + "). Start the drill with the drill profile (its H2 file under ./data/drill), "
                    + "or set siaga.drill.database-url to the datasource's URL for a database the drill may own and empty");
        }
        if (Path.of(journal.spoolFile()).toAbsolutePath().normalize().equals(NORMAL_SPOOL.toAbsolutePath().normalize())) {
            throw new IllegalStateException("siaga.journal.spool-file (" + journal.spoolFile() + ") is a normal start's spool: the drill's "
                    + "journal entries and recordings would reach the next normal start. Give the drill a spool of its own "
                    + "(the drill profile uses ./data/drill/journal-spool.jsonl)");
        }
    }

    /**
     * Empties the drill's own database before anything (the migrations first) uses it, so every drill begins on the demo
     * as shipped: H2 drops all its objects, PostgreSQL its {@code public} schema. Plain JDBC, so it runs as the
     * datasource is made, before the migrations.
     */
    static void empty(DataSource dataSource, String datasourceUrl) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String product = c.getMetaData().getDatabaseProductName();
            log.info("drill: emptying its own database {} ({}) before the migrations", withoutSettings(datasourceUrl), product);
            if (product.equalsIgnoreCase("H2")) {
                s.execute("DROP ALL OBJECTS");
            } else if (product.equalsIgnoreCase("PostgreSQL")) {
                s.execute("DROP SCHEMA IF EXISTS public CASCADE");
                s.execute("CREATE SCHEMA public");
            } else {
                throw new IllegalStateException("siaga.drill.database-url: the drill can empty H2 or PostgreSQL, not " + product);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the drill could not empty its database " + withoutSettings(datasourceUrl) + ": " + e.getMessage(), e);
        }
    }

    /** Says at the drill's start where it writes, so nobody wonders whether a drill touched their data. */
    static void logWhere(String datasourceUrl, JournalProperties journal) {
        log.info("drill: database {} (its own, emptied at this start), journal spool {} (spools and recordings beside it); "
                + "a normal start does not see them", withoutSettings(datasourceUrl), Path.of(journal.spoolFile()).toAbsolutePath().normalize());
    }

    /** A JDBC URL without its settings (H2 {@code ;...}, PostgreSQL {@code ?...}), which may carry a password. */
    static String withoutSettings(String url) {
        if (url == null || url.isBlank()) {
            return "not set";
        }
        int cut = url.length();
        for (char c : new char[] {';', '?'}) {
            int i = url.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return url.substring(0, cut);
    }
}
