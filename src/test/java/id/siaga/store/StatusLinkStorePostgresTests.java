package id.siaga.store;

import id.siaga.support.TestDatabase;

class StatusLinkStorePostgresTests extends StatusLinkStoreContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
