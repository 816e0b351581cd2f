package id.siaga.store;

import id.siaga.integration.WebhookSubscriber;
import id.siaga.integration.WebhookSubscriberStore;
import id.siaga.org.StationId;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/** Webhook subscribers in {@code webhook_subscriber}; the type and station filters as comma-separated lists. */
public final class JdbcWebhookSubscriberStore implements WebhookSubscriberStore {

    private static final String COLUMNS = "id, name, url, secret, event_types, station_ids, enabled, created_at, created_by";

    private final JdbcTemplate jdbc;

    public JdbcWebhookSubscriberStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(WebhookSubscriber s) {
        jdbc.update("INSERT INTO webhook_subscriber (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?)", s.id(), s.name(), s.url().toString(), s.secret(),
                String.join(",", new TreeSet<>(s.eventTypes())), s.stations().stream().map(StationId::value).sorted().collect(Collectors.joining(",")),
                s.enabled(), OffsetDateTime.ofInstant(s.createdAt(), ZoneOffset.UTC), s.createdBy());
    }

    @Override
    public List<WebhookSubscriber> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscriber ORDER BY created_at, id", (rs, n) -> map(rs));
    }

    @Override
    public List<WebhookSubscriber> enabled() {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscriber WHERE enabled ORDER BY created_at, id", (rs, n) -> map(rs));
    }

    @Override
    public Optional<WebhookSubscriber> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscriber WHERE id = ?", (rs, n) -> map(rs), id).stream().findFirst();
    }

    @Override
    public boolean disable(String id) {
        return jdbc.update("UPDATE webhook_subscriber SET enabled = FALSE WHERE id = ?", id) == 1;
    }

    @Override
    public boolean enable(String id) {
        return jdbc.update("UPDATE webhook_subscriber SET enabled = TRUE WHERE id = ?", id) == 1;
    }

    @Override
    public boolean changeSecret(String id, String secret) {
        return jdbc.update("UPDATE webhook_subscriber SET secret = ? WHERE id = ?", secret, id) == 1;
    }

    private static WebhookSubscriber map(ResultSet rs) throws SQLException {
        return new WebhookSubscriber(rs.getString("id"), rs.getString("name"), URI.create(rs.getString("url")), rs.getString("secret"),
                list(rs.getString("event_types")), list(rs.getString("station_ids")).stream().map(StationId::new).collect(Collectors.toSet()),
                rs.getBoolean("enabled"), rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"));
    }

    private static Set<String> list(String csv) {
        return csv == null || csv.isBlank() ? Set.of() : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
