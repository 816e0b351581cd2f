package id.siaga.store;

import id.siaga.support.TestDatabase;

class WebhookOutboxPostgresTests extends WebhookOutboxContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
