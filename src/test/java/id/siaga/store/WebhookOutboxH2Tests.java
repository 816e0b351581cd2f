package id.siaga.store;

import id.siaga.support.TestDatabase;

class WebhookOutboxH2Tests extends WebhookOutboxContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
