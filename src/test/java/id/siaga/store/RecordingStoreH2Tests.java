package id.siaga.store;

import id.siaga.support.TestDatabase;

class RecordingStoreH2Tests extends RecordingStoreContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
