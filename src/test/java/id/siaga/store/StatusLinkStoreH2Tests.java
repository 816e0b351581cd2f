package id.siaga.store;

import id.siaga.support.TestDatabase;

class StatusLinkStoreH2Tests extends StatusLinkStoreContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
