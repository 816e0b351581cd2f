package id.siaga.store;

import id.siaga.support.TestDatabase;

class CallRecordStorePostgresTests extends CallRecordStoreContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
