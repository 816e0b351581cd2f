package id.siaga.store;

import id.siaga.telephony.registrar.BindingStore;
import id.siaga.telephony.registrar.InMemoryBindingStore;

/** The in-memory store the registrar's own tests use keeps the same contract as the database. */
class BindingStoreInMemoryTests extends BindingStoreContract {

    private final InMemoryBindingStore memory = new InMemoryBindingStore();

    @Override
    BindingStore openStore() {
        return memory;
    }

    @Override
    BindingStore secondStore() {
        return memory;
    }

    @Override
    void closeStores() {
    }
}
