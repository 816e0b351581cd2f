package id.siaga.store;

import id.siaga.support.TestDatabase;

class SharedRegistrationsH2Tests extends SharedRegistrationsContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
