package id.siaga.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.org.OperatorId;
import id.siaga.org.Position;
import id.siaga.org.StationId;
import id.siaga.support.TestDatabase;
import id.siaga.telephony.registrar.DigestCredential;
import id.siaga.telephony.registrar.OperatorPhone;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Positions and their phones on H2 and PostgreSQL alike: a seed that runs twice adds nothing the second time, one login
 * is seated at one position, a phone is its HA1 or its contact and never both, one SIP username per phone.
 */
class PositionStoresTests {

    static final Instant AT = Instant.parse("2026-12-04T08:00:00Z");
    static final StationId SLEMAN = StationId.of("POLRES-3404");
    static final OperatorId DESK_1 = new OperatorId("OP-3404-1");
    static final OperatorId DESK_3 = new OperatorId("OP-3404-3");
    static final String HA1 = "4c3e1f11ee7626d9afaf6d290051a35c";

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void positionsAndPhonesKeepWhatTheConsoleSet(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            JdbcPositionStore positions = new JdbcPositionStore(jdbc);
            JdbcPhoneStore phones = new JdbcPhoneStore(jdbc);
            assertThat(positions.isEmpty()).isTrue();
            List<Position> seed = List.of(new Position(DESK_1, SLEMAN, "Bripka Rina", Optional.of("operator.sleman1"), true),
                    new Position(DESK_3, SLEMAN, "Meja 3", Optional.empty(), true));
            assertThat(positions.seed(seed, "seed", AT)).isEqualTo(2);
            assertThat(positions.seed(seed, "seed on another node", AT)).as("a second seed adds nothing").isZero();
            assertThat(positions.all()).containsExactlyElementsOf(seed);

            Position seated = seed.get(1).seating(Optional.of("operator.sleman3")).renamed("Meja Tiga");
            positions.update(seated, "admin.diy", AT.plusSeconds(60));
            assertThat(positions.find(DESK_3)).contains(seated);
            assertThatThrownBy(() -> positions.update(seed.get(0).seating(Optional.of("operator.sleman3")), "admin.diy", AT))
                    .as("one login, one position").isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
            assertThat(jdbc.queryForObject("SELECT changed_by FROM operator_position WHERE id = 'OP-3404-3'", String.class)).isEqualTo("admin.diy");

            phones.put(DESK_1, new OperatorPhone.Registering("op-3404-1", DigestCredential.ha1(HA1)), "admin.diy", AT);
            phones.put(DESK_3, new OperatorPhone.Static("sip:meja3@10.20.0.15:5060"), "admin.diy", AT);
            assertThat(phones.all()).containsOnlyKeys(DESK_1, DESK_3);
            assertThat(phones.bySipUser("op-3404-1")).contains(DESK_1);
            assertThatThrownBy(() -> phones.put(DESK_3, new OperatorPhone.Registering("op-3404-1", DigestCredential.ha1(HA1)), "admin.diy", AT))
                    .as("one SIP username per phone").isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
            assertThat(phones.find(DESK_3)).as("the refused change left the phone as it was")
                    .contains(new OperatorPhone.Static("sip:meja3@10.20.0.15:5060"));
            assertThatThrownBy(() -> phones.put(DESK_3, new OperatorPhone.Registering("op-3404-3", DigestCredential.password("rahasia")), "admin.diy", AT))
                    .as("never a password").isInstanceOf(IllegalArgumentException.class);

            phones.put(DESK_3, new OperatorPhone.Registering("op-3404-3", DigestCredential.ha1(HA1)), "admin.diy", AT);
            assertThat(phones.find(DESK_3)).get().isInstanceOf(OperatorPhone.Registering.class);
            assertThat(phones.remove(DESK_3)).isTrue();
            assertThat(phones.remove(DESK_3)).isFalse();
            assertThat(phones.find(DESK_3)).isEmpty();
        }
    }
}
