package id.siaga.store;

import id.siaga.support.TestDatabase;

class CallRecordStoreH2Tests extends CallRecordStoreContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
