package id.siaga.store;

import id.siaga.support.TestDatabase;

class RosterStoreH2Tests extends RosterStoreContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
