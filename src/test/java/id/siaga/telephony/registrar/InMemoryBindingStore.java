package id.siaga.telephony.registrar;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Bindings in memory, for the registrar's tests: each address-of-record changed under one lock, as the database's row lock does. */
public final class InMemoryBindingStore implements BindingStore {

    private final Map<String, List<Binding>> bindings = new TreeMap<>();

    @Override
    public synchronized <T> T change(String aor, Change<T> change) {
        List<Binding> stored = bindingsOf(aor);
        Update<T> update = change.apply(stored);
        update.replacement().ifPresent(next -> {
            if (next.isEmpty()) {
                bindings.remove(aor);
            } else {
                bindings.put(aor, next);
            }
        });
        return update.result();
    }

    @Override
    public synchronized List<Binding> bindingsOf(String aor) {
        return bindings.getOrDefault(aor, List.of());
    }

    @Override
    public synchronized List<String> withLapsedBindings(Instant now) {
        return bindings.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(b -> !b.activeAt(now))).map(Map.Entry::getKey).toList();
    }
}
