package id.siaga.store;

import id.siaga.support.TestDatabase;

class CallbackTaskStorePostgresTests extends CallbackTaskStoreContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
