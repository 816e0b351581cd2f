package id.siaga.store;

import id.siaga.support.TestDatabase;

class SharedRegistrationsPostgresTests extends SharedRegistrationsContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
