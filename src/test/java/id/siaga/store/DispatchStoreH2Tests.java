package id.siaga.store;

import id.siaga.support.TestDatabase;

class DispatchStoreH2Tests extends DispatchStoreContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
