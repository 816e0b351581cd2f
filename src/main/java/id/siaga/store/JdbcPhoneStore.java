package id.siaga.store;

import id.siaga.org.OperatorId;
import id.siaga.telephony.registrar.DigestCredential;
import id.siaga.telephony.registrar.OperatorPhone;
import id.siaga.telephony.registrar.PhoneStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The positions' phones in {@code position_phone}: SIP username and HA1, or a static contact. */
public final class JdbcPhoneStore implements PhoneStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcPhoneStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    @Override
    public Map<OperatorId, OperatorPhone> all() {
        Map<OperatorId, OperatorPhone> out = new LinkedHashMap<>();
        jdbc.query("SELECT position_id, sip_user, ha1, contact FROM position_phone ORDER BY position_id",
                rs -> {
                    out.put(new OperatorId(rs.getString("position_id")), phone(rs));
                });
        return out;
    }

    @Override
    public Optional<OperatorPhone> find(OperatorId position) {
        return jdbc.query("SELECT sip_user, ha1, contact FROM position_phone WHERE position_id = ?", (rs, n) -> phone(rs), position.value())
                .stream().findFirst();
    }

    @Override
    public void put(OperatorId position, OperatorPhone phone, String by, Instant at) {
        String sipUser = null;
        String ha1 = null;
        String contact = null;
        if (phone instanceof OperatorPhone.Registering r) {
            if (!(r.credential() instanceof DigestCredential.Ha1 h)) {
                throw new IllegalArgumentException("a stored phone keeps its HA1, never its password");
            }
            sipUser = r.sipUsername();
            ha1 = h.hex();
        } else if (phone instanceof OperatorPhone.Static s) {
            contact = s.contactUri();
        }
        Object[] row = {position.value(), sipUser, ha1, contact, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), by};
        tx.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM position_phone WHERE position_id = ?", position.value());
            jdbc.update("INSERT INTO position_phone (position_id, sip_user, ha1, contact, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)", row);
        });
    }

    @Override
    public boolean remove(OperatorId position) {
        return jdbc.update("DELETE FROM position_phone WHERE position_id = ?", position.value()) > 0;
    }

    @Override
    public Optional<OperatorId> bySipUser(String sipUser) {
        return jdbc.queryForList("SELECT position_id FROM position_phone WHERE sip_user = ?", String.class, sipUser).stream()
                .map(OperatorId::new).findFirst();
    }

    @Override
    public boolean isEmpty() {
        return jdbc.queryForList("SELECT position_id FROM position_phone FETCH FIRST 1 ROWS ONLY", String.class).isEmpty();
    }

    private static OperatorPhone phone(ResultSet rs) throws SQLException {
        String contact = rs.getString("contact");
        if (contact != null) {
            return new OperatorPhone.Static(contact);
        }
        return new OperatorPhone.Registering(rs.getString("sip_user"), DigestCredential.ha1(rs.getString("ha1")));
    }
}
