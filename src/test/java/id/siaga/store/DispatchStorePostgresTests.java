package id.siaga.store;

import id.siaga.support.TestDatabase;

class DispatchStorePostgresTests extends DispatchStoreContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
