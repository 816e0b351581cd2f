package id.siaga.store;

import id.siaga.support.TestDatabase;

class PrankHistoryH2Tests extends PrankHistoryContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
