package id.siaga.store;

import id.siaga.support.TestDatabase;

class RosterStorePostgresTests extends RosterStoreContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
