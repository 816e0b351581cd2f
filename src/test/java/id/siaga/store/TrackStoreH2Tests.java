package id.siaga.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.TestDatabase;
import org.junit.jupiter.api.Test;

class TrackStoreH2Tests extends TrackStoreContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }

    @Test
    void h2KeepsOnePlainTable() {
        assertThat(store.partitioned()).isFalse();
        assertThat(store.partitionDays()).isEmpty();
    }
}
