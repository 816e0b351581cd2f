package id.siaga.store;

import id.siaga.support.TestDatabase;

class RecordingStorePostgresTests extends RecordingStoreContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
