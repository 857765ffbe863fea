package io.enif.storage;

import io.enif.common.Gpid;
import io.enif.storage.rocks.RocksHandles;
import io.enif.storage.rocks.RocksOptionsBundle;
import io.enif.storage.rocks.RocksOptionsFactory;
import io.enif.storage.rocks.RocksResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.rocksdb.RocksDBException;

/**
 * Opens a {@link PartitionStore}. Only the directory is required; the rest defaults to partition 0.0, server
 * {@code 0.0.0.0:0}, {@link StoreOptions#defaults()}, the system clock, and a small block cache owned by the store
 * (the replica server passes its process-wide {@link RocksResources} instead).
 */
public final class PartitionStoreBuilder {
    /** The block cache of a store that was given no shared resources. */
    private static final long PRIVATE_BLOCK_CACHE_BYTES = 8L << 20;

    private final Path dir;
    private Gpid gpid = new Gpid(0, 0);
    private String server = "0.0.0.0:0";
    private StoreOptions options = StoreOptions.defaults();
    private StoreClock clock = StoreClock.SYSTEM;
    private RocksResources resources;

    PartitionStoreBuilder(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /** The partition, for the responses' app_id and partition_index. */
    public PartitionStoreBuilder gpid(Gpid value) {
        gpid = Objects.requireNonNull(value, "gpid");
        return this;
    }

    /** This replica server's address, {@code host:port}, for the responses' server field. */
    public PartitionStoreBuilder server(String value) {
        server = Objects.requireNonNull(value, "server");
        return this;
    }

    public PartitionStoreBuilder options(StoreOptions value) {
        options = Objects.requireNonNull(value, "options");
        return this;
    }

    public PartitionStoreBuilder clock(StoreClock value) {
        clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /** The process-wide RocksDB resources (block cache), which the caller keeps open longer than the store. */
    public PartitionStoreBuilder resources(RocksResources value) {
        resources = Objects.requireNonNull(value, "resources");
        return this;
    }

    Path dir() {
        return dir;
    }

    Gpid gpid() {
        return gpid;
    }

    String server() {
        return server;
    }

    StoreOptions options() {
        return options;
    }

    StoreClock clock() {
        return clock;
    }

    /**
     * Opens the store, creating the database when the directory holds none.
     *
     * @throws StoreException when RocksDB cannot open it
     * @throws IllegalArgumentException when the options are invalid (e.g. the compression spec)
     */
    public PartitionStore open() {
        RocksResources owned = resources == null ? RocksResources.create(PRIVATE_BLOCK_CACHE_BYTES, -1) : null;
        RocksOptionsBundle bundle = null;
        RocksHandles rocks = null;
        try {
            Files.createDirectories(dir);
            bundle = RocksOptionsFactory.create(options, resources != null ? resources : owned);
            rocks = RocksHandles.open(dir, bundle);
            return new PartitionStore(this, rocks, owned);
        } catch (RocksDBException | IOException | RuntimeException e) {
            if (rocks != null) {
                rocks.close();
            } else if (bundle != null) {
                bundle.close();
            }
            if (owned != null) {
                owned.close();
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            int status = e instanceof RocksDBException rex ? RocksStatus.of(rex) : RocksStatus.IO_ERROR;
            throw new StoreException(gpid + ": opening the store in " + dir + " failed", status, e);
        }
    }
}
