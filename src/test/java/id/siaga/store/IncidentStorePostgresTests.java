package id.siaga.store;

import id.siaga.support.TestDatabase;

class IncidentStorePostgresTests extends IncidentStoreContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
