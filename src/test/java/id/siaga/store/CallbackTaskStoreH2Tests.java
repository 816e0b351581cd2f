package id.siaga.store;

import id.siaga.support.TestDatabase;

class CallbackTaskStoreH2Tests extends CallbackTaskStoreContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
