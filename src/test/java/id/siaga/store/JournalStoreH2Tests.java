package id.siaga.store;

import id.siaga.support.TestDatabase;

/** The journal on the embedded H2 file database (PostgreSQL mode), the default for one-command runs. */
class JournalStoreH2Tests extends JournalStoreContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
