package id.siaga.store;

import id.siaga.support.TestDatabase;
import id.siaga.telephony.registrar.BindingStore;
import org.springframework.jdbc.core.JdbcTemplate;

/** The binding store on a database of the test's own; the second store has a connection pool of its own, as another node. */
abstract class JdbcBindingStoreContract extends BindingStoreContract {

    TestDatabase db;
    private com.zaxxer.hikari.HikariDataSource second;

    abstract TestDatabase.Kind kind();

    @Override
    BindingStore openStore() {
        db = TestDatabase.create(kind());
        return new JdbcBindingStore(new JdbcTemplate(db.dataSource()));
    }

    @Override
    BindingStore secondStore() {
        if (second == null) {
            second = db.anotherPool("node-b");
        }
        return new JdbcBindingStore(new JdbcTemplate(second));
    }

    /** The console tells "expired" from "never registered": the database keeps until when a position was last bound. */
    @org.junit.jupiter.api.Test
    void untilWhenAPositionWasLastBoundOutlastsItsBindings() {
        java.time.Instant until = T0.plusSeconds(600);
        org.assertj.core.api.Assertions.assertThat(store.lastBoundUntil(AOR)).as("never registered").isEmpty();
        store.change(AOR, stored -> BindingStore.Update.replace(java.util.List.of(
                new id.siaga.telephony.registrar.Binding(AOR, "sip:op-3404-1@10.20.0.15:5060", until, "c1", 1)), null));
        org.assertj.core.api.Assertions.assertThat(store.lastBoundUntil(AOR)).contains(until);
        store.change(AOR, stored -> BindingStore.Update.replace(java.util.List.of(), null));
        org.assertj.core.api.Assertions.assertThat(store.bindingsOf(AOR)).isEmpty();
        org.assertj.core.api.Assertions.assertThat(store.lastBoundUntil(AOR)).as("withdrawn: bound until then at the latest")
                .hasValueSatisfying(t -> org.assertj.core.api.Assertions.assertThat(t).isBeforeOrEqualTo(until));
        org.assertj.core.api.Assertions.assertThat(secondStore().lastBoundUntil(AOR)).as("every node reads it").isPresent();
    }

    @Override
    void closeStores() {
        if (second != null) {
            second.close();
        }
        db.close();
    }
}
