package id.siaga.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.support.TestDatabase;
import id.siaga.telephony.registrar.BindingStore;
import id.siaga.telephony.registrar.BindingStore.Update;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindingStorePostgresTests extends JdbcBindingStoreContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }

    @Test
    void whileTheDatabaseIsAwayNothingIsReadOrChangedAndTheStoreSaysSo() {
        store.change(AOR, stored -> Update.replace(List.of(binding(AOR, DESK, T0.plusSeconds(600), "c1", 1)), null));
        db.cutOff();
        try {
            assertThatThrownBy(() -> store.bindingsOf(AOR)).isInstanceOf(BindingStore.Unavailable.class);
            assertThatThrownBy(() -> store.change(AOR, stored -> Update.replace(List.of(), null))).isInstanceOf(BindingStore.Unavailable.class);
            assertThatThrownBy(() -> store.withLapsedBindings(T0)).isInstanceOf(BindingStore.Unavailable.class);
        } finally {
            db.restore();
        }
        assertThat(answerOnceBack()).as("nothing was changed while away").extracting(b -> b.contactUri()).containsExactly(DESK);
    }

    /** The store's next read once the database is back: the pool's first connections may be ones the database closed. */
    private List<id.siaga.telephony.registrar.Binding> answerOnceBack() {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.bindingsOf(AOR);
            } catch (BindingStore.Unavailable e) {
                if (attempt > 5) { // the pool holds 4 connections
                    throw e;
                }
            }
        }
    }
}
