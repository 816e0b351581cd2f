package id.siaga.store;

import id.siaga.support.TestDatabase;

class IncidentStoreH2Tests extends IncidentStoreContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
