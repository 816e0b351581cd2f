package id.siaga.store;

import id.siaga.support.TestDatabase;

class StoreAdaptersPostgresTests extends StoreAdaptersContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
