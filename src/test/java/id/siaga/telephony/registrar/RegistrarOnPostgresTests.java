package id.siaga.telephony.registrar;

import id.siaga.support.TestDatabase;

/** The registrar's rules, unchanged in meaning, over the bindings in PostgreSQL (a cluster's shared database). */
class RegistrarOnPostgresTests extends RegistrarOnH2Tests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
