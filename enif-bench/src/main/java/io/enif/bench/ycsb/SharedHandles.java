package io.enif.bench.ycsb;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Process-wide handles shared by the binding instances YCSB creates (one per client thread): the first {@code
 * acquire} of a key opens the handle, the last {@code release} closes it. An Enif client, a Cassandra session or a
 * RocksDB instance is meant to be one per process, as an application would hold it.
 *
 * @param <T> the handle's type
 */
final class SharedHandles<T extends AutoCloseable> {
    private final Map<String, Entry<T>> entries = new HashMap<>();

    private static final class Entry<T> {
        final T handle;
        int users;

        Entry(T handle) {
            this.handle = handle;
        }
    }

    /** The handle for {@code key}, opened by {@code open} when no one holds it. */
    synchronized T acquire(String key, Function<String, T> open) {
        Entry<T> entry = entries.get(key);
        if (entry == null) {
            entry = new Entry<>(open.apply(key));
            entries.put(key, entry);
        }
        entry.users++;
        return entry.handle;
    }

    /** Gives back one use of {@code key}'s handle; closes it when it was the last. */
    synchronized void release(String key) throws Exception {
        Entry<T> entry = entries.get(key);
        if (entry == null) {
            return;
        }
        if (--entry.users == 0) {
            entries.remove(key);
            entry.handle.close();
        }
    }

    /** How many handles are open (for tests). */
    synchronized int openCount() {
        return entries.size();
    }
}
