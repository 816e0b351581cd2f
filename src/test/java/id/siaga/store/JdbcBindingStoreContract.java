package id.siaga.store;

import id.siaga.support.TestDatabase;
import id.siaga.telephony.registrar.BindingStore;
import org.springframework.jdbc.core.JdbcTemplate;

/** The binding store on a database of the test's own; the second store has a connection pool of its own, as another node. */
abstract class JdbcBindingStoreContract extends BindingStoreContract {

    TestDatabase db;
    private com.zaxxer.hikari.HikariDataSource second;

    abstract TestDatabase.Kind kind();

    @Override
    BindingStore openStore() {
        db = TestDatabase.create(kind());
        return new JdbcBindingStore(new JdbcTemplate(db.dataSource()));
    }

    @Override
    BindingStore secondStore() {
        if (second == null) {
            second = db.anotherPool("node-b");
        }
        return new JdbcBindingStore(new JdbcTemplate(second));
    }

    @Override
    void closeStores() {
        if (second != null) {
            second.close();
        }
        db.close();
    }
}
