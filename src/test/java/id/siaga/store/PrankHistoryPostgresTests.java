package id.siaga.store;

import id.siaga.support.TestDatabase;

class PrankHistoryPostgresTests extends PrankHistoryContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
