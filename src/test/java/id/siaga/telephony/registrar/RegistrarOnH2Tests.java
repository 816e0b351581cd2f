package id.siaga.telephony.registrar;

import id.siaga.store.JdbcBindingStore;
import id.siaga.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/** The registrar's rules, unchanged in meaning, over the bindings in H2 (one node's database). */
class RegistrarOnH2Tests extends RegistrarTests {

    private TestDatabase db;

    @Override
    BindingStore openStore() {
        db = TestDatabase.create(kind());
        return new JdbcBindingStore(new JdbcTemplate(db.dataSource()));
    }

    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }

    @Override
    void closeStore() {
        db.close();
    }

    @Override
    int concurrentRounds() {
        return 100;
    }
}
