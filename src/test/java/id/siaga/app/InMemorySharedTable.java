package id.siaga.app;

import id.siaga.cluster.SharedTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The cluster's shared table in memory, for several nodes of one test: one revision counter for the table, as NATS keeps
 * one per bucket, and every change handed to every watcher at once, on the writer's thread (in revision order).
 */
final class InMemorySharedTable implements SharedTable {

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<Consumer<Entry>> watchers = new CopyOnWriteArrayList<>();
    private long revision;

    @Override
    public void watch(Consumer<Entry> changes) {
        List<Entry> now;
        synchronized (this) {
            now = new ArrayList<>(entries.values());
        }
        now.stream().filter(e -> e.value().isPresent()).forEach(changes);
        watchers.add(changes);
    }

    /** The table is always reached here: the action runs at once, and never again. */
    @Override
    public void onReconnected(Runnable action) {
        action.run();
    }

    @Override
    public long put(String key, String value) {
        return write(key, Optional.of(value));
    }

    @Override
    public OptionalLong create(String key, String value) {
        synchronized (this) {
            if (entries.containsKey(key) && entries.get(key).value().isPresent()) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(write(key, Optional.of(value)));
    }

    @Override
    public boolean update(String key, String value, long at) {
        synchronized (this) {
            if (!entries.containsKey(key) || entries.get(key).revision() != at) {
                return false;
            }
        }
        write(key, Optional.of(value));
        return true;
    }

    @Override
    public boolean delete(String key, long at) {
        synchronized (this) {
            if (!entries.containsKey(key) || entries.get(key).revision() != at) {
                return false;
            }
        }
        write(key, Optional.empty());
        return true;
    }

    @Override
    public synchronized Optional<Entry> get(String key) {
        return Optional.ofNullable(entries.get(key)).filter(e -> e.value().isPresent());
    }

    /** The key's value now, if it has one. */
    Optional<String> valueOf(String key) {
        return get(key).flatMap(Entry::value);
    }

    private long write(String key, Optional<String> value) {
        Entry entry;
        synchronized (this) {
            entry = new Entry(key, value, ++revision);
            entries.put(key, entry);
        }
        watchers.forEach(w -> w.accept(entry));
        return entry.revision();
    }
}
