package io.enif.meta.store;

/**
 * Where the meta server keeps its tables and partition configurations (Pegasus's {@code meta_state_service}; STYLE
 * §8: a narrow interface with a ZooKeeper and an in-memory implementation).
 *
 * <p>Reads are not fenced: a candidate may load before it acts. Every write is fenced ({@link LeaderFence}) and
 * atomic: the whole {@link StoreBatch} is applied or none of it. The meta server persists every change here before it
 * applies the change in memory or sends it to any replica server.
 */
public interface MetaStore extends AutoCloseable {

    /**
     * Reads every table and partition configuration.
     *
     * @throws MetaStoreException {@code CORRUPT} when the data cannot be decoded or the apps node is locked by an
     *     interrupted bulk rewrite; {@code UNAVAILABLE} when the store cannot be reached
     */
    StoredCluster load();

    /**
     * Applies {@code batch} atomically, if {@code fence} still holds.
     *
     * @throws MetaStoreException {@code FENCED} when the writer is no longer the leader, {@code UNAVAILABLE} when the
     *     store could not be reached (nothing was written), {@code CORRUPT} when the batch does not fit the stored
     *     data (e.g. creating a table that exists)
     */
    StoreWrite write(LeaderFence fence, StoreBatch batch);

    @Override
    default void close() {}
}
