package id.siaga.store;

import id.siaga.support.TestDatabase;

class StoreAdaptersH2Tests extends StoreAdaptersContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
