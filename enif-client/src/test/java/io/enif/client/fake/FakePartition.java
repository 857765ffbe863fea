package io.enif.client.fake;

import io.enif.storage.PartitionStore;
import io.enif.storage.WriteRequest;
import org.apache.thrift.TBase;

/** One partition's store, shared by whichever fake replica is its primary; writes get the next decree. */
public final class FakePartition {
    private final PartitionStore store;
    private long decree;

    FakePartition(PartitionStore store) {
        this.store = store;
        this.decree = store.lastCommittedDecree();
    }

    public PartitionStore store() {
        return store;
    }

    /** Applies one write as a mutation of its own. */
    public synchronized <R extends TBase<?, ?>> R apply(WriteRequest<R> request) {
        return store.apply(++decree, request);
    }
}
