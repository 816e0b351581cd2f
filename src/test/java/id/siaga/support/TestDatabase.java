package id.siaga.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A database of a test's own, migrated with the project's Flyway set: a fresh PostgreSQL database on
 * 127.0.0.1:5432 (dropped on close) or a fresh H2 file database in a temporary directory.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String POSTGRES_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    public static final String POSTGRES_USER = "postgres";

    public enum Kind { H2, POSTGRES }

    private final Kind kind;
    private final String name;
    private final String url;
    private final HikariDataSource dataSource;

    private TestDatabase(Kind kind, String name, String url) {
        this(kind, name, url, null);
    }

    private TestDatabase(Kind kind, String name, String url, String upTo) {
        this.kind = kind;
        this.name = name;
        this.url = url;
        this.dataSource = pool("test-" + name);
        migrate(upTo);
    }

    private HikariDataSource pool(String poolName) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(kind == Kind.POSTGRES ? POSTGRES_USER : "sa");
        config.setPassword("");
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(2_000);
        config.setPoolName(poolName);
        return new HikariDataSource(config);
    }

    /**
     * Another connection pool on this database, as a second node of a cluster has: its own connections, the same rows.
     * The caller closes it, before {@link #close}.
     */
    public HikariDataSource anotherPool(String poolName) {
        return pool("test-" + name + "-" + poolName);
    }

    /** Runs the migrations up to {@code version} (all when null). */
    private void migrate(String upTo) {
        var flyway = Flyway.configure().dataSource(dataSource).locations(migrationLocations(kind));
        if (upTo != null) {
            flyway = flyway.target(upTo);
        }
        flyway.load().migrate();
    }

    /** Runs the migrations not yet run: a database made by {@link #createAt} brought up to date, as an upgrade does. */
    public void migrateToLatest() {
        migrate(null);
    }

    /** Flyway's locations as application.yml sets them: the shared set plus the database's own. */
    public static String[] migrationLocations(Kind kind) {
        return new String[] {"classpath:db/migration", "classpath:db/vendor/" + (kind == Kind.POSTGRES ? "postgresql" : "h2")};
    }

    public static TestDatabase create(Kind kind) {
        return createAt(kind, null);
    }

    /** A fresh database migrated only up to {@code version} (all when null): the schema an older release left. */
    public static TestDatabase createAt(Kind kind, String version) {
        String name = "siaga_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (kind == Kind.POSTGRES) {
            Peers.require(postgresReachable(), "PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth)");
            admin("CREATE DATABASE " + name);
            return new TestDatabase(kind, name, "jdbc:postgresql://127.0.0.1:5432/" + name + "?reWriteBatchedInserts=true", version);
        }
        try {
            Path dir = Files.createTempDirectory("siaga-h2-");
            return new TestDatabase(kind, name, "jdbc:h2:file:" + dir.resolve(name)
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", version);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Kind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    public String username() {
        return kind == Kind.POSTGRES ? POSTGRES_USER : "sa";
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs one statement on this database, outside any pool. */
    public void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url, username(), ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Cuts PostgreSQL off: no new connections to this database, and every open one terminated. */
    public void cutOff() {
        requirePostgres();
        admin("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS false");
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "' AND pid <> pg_backend_pid()");
    }

    /** Lets connections in again after {@link #cutOff()}. */
    public void restore() {
        requirePostgres();
        admin("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS true");
    }

    private void requirePostgres() {
        if (kind != Kind.POSTGRES) {
            throw new IllegalStateException("only a PostgreSQL test database can be cut off");
        }
    }

    @Override
    public void close() {
        dataSource.close();
        if (kind == Kind.POSTGRES) {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    public static boolean postgresReachable() {
        try (Connection c = DriverManager.getConnection(POSTGRES_ADMIN_URL, POSTGRES_USER, "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(POSTGRES_ADMIN_URL, POSTGRES_USER, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql.toLowerCase(Locale.ROOT) + ": " + e.getMessage(), e);
        }
    }
}
