package id.siaga.store;

import id.siaga.support.TestDatabase;

class BindingStoreH2Tests extends JdbcBindingStoreContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
