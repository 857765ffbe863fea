package io.enif.storage.write;

import io.enif.proto.rrdb.check_and_mutate_response;
import io.enif.proto.rrdb.check_and_set_response;
import io.enif.proto.rrdb.incr_response;
import io.enif.proto.rrdb.multi_remove_response;
import io.enif.proto.rrdb.update_response;
import io.enif.storage.WriteRequest;
import io.enif.storage.op.ResponseHeader;
import io.enif.storage.rocks.MetaStore;
import io.enif.storage.rocks.RocksHandles;
import java.util.ArrayList;
import java.util.List;
import org.apache.thrift.TBase;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatchWithIndex;
import org.rocksdb.WriteOptions;

/**
 * Applies a mutation: its write requests in order, then the decree, as one RocksDB write batch written with the WAL
 * off. Not thread-safe: the store calls it under its write lock (one writer per partition).
 */
public final class WriteApplier implements AutoCloseable {
    private final RocksHandles rocks;
    private final MetaStore meta;
    private final ResponseHeader header;
    private final WriteOptions writeOptions;
    private final WriteBatchWithIndex batch = new WriteBatchWithIndex(true);
    private final ReadOptions readOptions = new ReadOptions();

    /** An applier writing with {@code writeOptions} (WAL off), which the caller owns. */
    public WriteApplier(RocksHandles rocks, MetaStore meta, ResponseHeader header, WriteOptions writeOptions) {
        this.rocks = rocks;
        this.meta = meta;
        this.header = header;
        this.writeOptions = writeOptions;
    }

    /**
     * Applies {@code requests} and the decree atomically, returning one response per request in order. When RocksDB
     * fails nothing of the mutation is written.
     *
     * @param now the time the mutation's expiry checks use, 2016-epoch seconds
     * @param defaultTtl the table's default TTL in seconds (0 = none)
     */
    public List<TBase<?, ?>> apply(long decree, int now, int defaultTtl, List<? extends WriteRequest<?>> requests)
            throws RocksDBException {
        batch.clear();
        try {
            MutationBatch view = new MutationBatch(rocks, batch, readOptions, now, defaultTtl);
            List<TBase<?, ?>> responses = new ArrayList<>(requests.size());
            for (WriteRequest<?> request : requests) {
                responses.add(applyOne(view, decree, request));
            }
            meta.putDecree(batch, decree);
            rocks.db().write(writeOptions, batch);
            return responses;
        } finally {
            batch.clear();
        }
    }

    private TBase<?, ?> applyOne(MutationBatch view, long decree, WriteRequest<?> request) throws RocksDBException {
        if (request instanceof WriteRequest.Put put) {
            update_response response = header.update(decree);
            BasicWrites.put(view, put.request(), response);
            return response;
        } else if (request instanceof WriteRequest.Remove remove) {
            update_response response = header.update(decree);
            BasicWrites.remove(view, remove.key(), response);
            return response;
        } else if (request instanceof WriteRequest.MultiPut multiPut) {
            update_response response = header.update(decree);
            BasicWrites.multiPut(view, multiPut.request(), response);
            return response;
        } else if (request instanceof WriteRequest.MultiRemove multiRemove) {
            multi_remove_response response = header.multiRemove(decree);
            BasicWrites.multiRemove(view, multiRemove.request(), response);
            return response;
        } else if (request instanceof WriteRequest.Incr incr) {
            incr_response response = header.incr(decree);
            AtomicWrites.incr(view, incr.request(), response);
            return response;
        } else if (request instanceof WriteRequest.CheckAndSet cas) {
            check_and_set_response response = header.checkAndSet(decree);
            AtomicWrites.checkAndSet(view, cas.request(), response);
            return response;
        } else if (request instanceof WriteRequest.CheckAndMutate cam) {
            check_and_mutate_response response = header.checkAndMutate(decree);
            AtomicWrites.checkAndMutate(view, cam.request(), response);
            return response;
        }
        throw new IllegalArgumentException(
                "unknown write request " + request.getClass().getName());
    }

    @Override
    public void close() {
        batch.close();
        readOptions.close();
    }
}
