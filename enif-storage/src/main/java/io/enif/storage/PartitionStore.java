package io.enif.storage;

import io.enif.common.Gpid;
import io.enif.proto.base.blob;
import io.enif.proto.key.ExpireTime;
import io.enif.proto.rrdb.batch_get_request;
import io.enif.proto.rrdb.batch_get_response;
import io.enif.proto.rrdb.count_response;
import io.enif.proto.rrdb.get_scanner_request;
import io.enif.proto.rrdb.multi_get_request;
import io.enif.proto.rrdb.multi_get_response;
import io.enif.proto.rrdb.read_response;
import io.enif.proto.rrdb.scan_request;
import io.enif.proto.rrdb.scan_response;
import io.enif.proto.rrdb.ttl_response;
import io.enif.storage.checkpoint.CheckpointInfo;
import io.enif.storage.checkpoint.Checkpoints;
import io.enif.storage.op.ResponseHeader;
import io.enif.storage.read.MultiGetReader;
import io.enif.storage.read.PointReader;
import io.enif.storage.read.SortKeyCounter;
import io.enif.storage.rocks.MetaStore;
import io.enif.storage.rocks.RocksHandles;
import io.enif.storage.rocks.RocksMaintenance;
import io.enif.storage.rocks.RocksResources;
import io.enif.storage.scan.ScanContextCache;
import io.enif.storage.scan.Scanner;
import io.enif.storage.ttl.SweepSchedule;
import io.enif.storage.ttl.SweepStats;
import io.enif.storage.ttl.TtlSweeper;
import io.enif.storage.write.WriteApplier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.apache.thrift.TBase;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * One replica's partition on RocksDB: every data operation of {@code spec/protocol.md} §11-12 on the generated Thrift
 * structs, the decree bookkeeping, checkpoints and TTL removal.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>Writes come from one thread at a time (the partition's lane) through {@link #apply}; a mutation's requests
 *       and its decree are one RocksDB write batch, so on disk either all of a mutation is there or none of it, and
 *       the persisted decree names exactly the data persisted with it.
 *   <li>The WAL is off: the replica's private log is the WAL. After a crash the store reopens at
 *       {@link #lastFlushedDecree()} and the replica replays its log from there.
 *   <li>Expired records are invisible to every read and to the checks of the read-modify-write operations.
 *   <li>Reads may come from any thread. Bad input never throws: it comes back as an error code (usually 4).
 *   <li>Nothing is called after {@link #close()}; calls that race with it wait for it and then fail with
 *       {@link IllegalStateException}.
 * </ul>
 */
public final class PartitionStore implements AutoCloseable {
    private final Path dir;
    private final Gpid gpid;
    private final StoreOptions options;
    private final StoreClock clock;
    private final RocksHandles rocks;
    private final RocksResources ownedResources;
    private final MetaStore meta;
    private final WriteOptions writeOptions;
    private final WriteApplier applier;
    private final PointReader points;
    private final MultiGetReader multiGets;
    private final SortKeyCounter sortKeyCounter;
    private final ScanContextCache scanContexts;
    private final Scanner scanner;
    private final TtlSweeper sweeper;
    private final RocksMaintenance maintenance;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final List<SweepSchedule> sweepSchedules = new CopyOnWriteArrayList<>();
    private volatile long lastCommittedDecree;
    private volatile int defaultTtlSeconds;
    private volatile UsageScenario usageScenario;
    private boolean closed;

    PartitionStore(PartitionStoreBuilder b, RocksHandles rocks, RocksResources ownedResources) throws RocksDBException {
        this.dir = b.dir();
        this.gpid = b.gpid();
        this.options = b.options();
        this.clock = b.clock();
        this.rocks = rocks;
        this.ownedResources = ownedResources;
        ResponseHeader header = new ResponseHeader(gpid.appId(), gpid.partitionIndex(), b.server());
        this.meta = new MetaStore(rocks);
        this.writeOptions = new WriteOptions().setDisableWAL(true);
        this.applier = new WriteApplier(rocks, meta, header, writeOptions);
        this.points = new PointReader(rocks, header, clock);
        this.multiGets = new MultiGetReader(rocks, header, clock, options);
        this.sortKeyCounter = new SortKeyCounter(rocks, header, clock, options);
        this.scanContexts = new ScanContextCache(clock, options.scannerIdleTimeout());
        this.scanner = new Scanner(rocks, header, clock, options, scanContexts);
        this.sweeper = new TtlSweeper(
                rocks, writeOptions, writeLock, clock, () -> defaultTtlSeconds, options.ttlSweepBatchSize());
        this.maintenance = new RocksMaintenance(rocks, meta, writeOptions, options);
        try {
            this.lastCommittedDecree = meta.appliedDecree();
            this.usageScenario = maintenance.recordedScenario();
            maintenance.applyScenario(usageScenario, false);
        } catch (RocksDBException | RuntimeException e) {
            applier.close();
            writeOptions.close();
            throw e;
        }
    }

    /** A builder opening the store in {@code dir} (created when missing, or a copied checkpoint). */
    public static PartitionStoreBuilder builder(Path dir) {
        return new PartitionStoreBuilder(dir);
    }

    /** The partition this store holds. */
    public Gpid gpid() {
        return gpid;
    }

    /** The RocksDB directory. */
    public Path dir() {
        return dir;
    }

    // ---- writes (the partition's lane) ----

    /**
     * Applies a mutation: {@code requests} in order, then {@code decree}, atomically, with expiry judged at the store
     * clock's now. An empty list is an empty write (PacificA's group-check mutations): only the decree advances.
     *
     * @return one response per request, in order, each carrying the decree
     * @throws IllegalArgumentException when {@code decree} is not after {@link #lastCommittedDecree()}
     * @throws StoreException when RocksDB fails; nothing of the mutation is applied
     */
    public List<TBase<?, ?>> apply(long decree, List<? extends WriteRequest<?>> requests) {
        return apply(decree, clock.nowSeconds2016(), requests);
    }

    /**
     * As {@link #apply(long, List)}, judging expiry at {@code nowSeconds2016}: a replica may pass the time the primary
     * stamped on the mutation, so that every replica decides incr and the checks alike.
     */
    public List<TBase<?, ?>> apply(long decree, int nowSeconds2016, List<? extends WriteRequest<?>> requests) {
        return guarded(() -> {
            writeLock.lock();
            try {
                if (decree <= lastCommittedDecree) {
                    throw new IllegalArgumentException(
                            gpid + ": decree " + decree + " is not after the last committed " + lastCommittedDecree);
                }
                List<TBase<?, ?>> responses = applier.apply(decree, nowSeconds2016, defaultTtlSeconds, requests);
                lastCommittedDecree = decree;
                return responses;
            } catch (RocksDBException e) {
                throw new StoreException(gpid + ": applying decree " + decree + " failed", RocksStatus.of(e), e);
            } finally {
                writeLock.unlock();
            }
        });
    }

    /** Applies one write request as a mutation of its own and returns its response. */
    @SuppressWarnings("unchecked")
    public <R extends TBase<?, ?>> R apply(long decree, WriteRequest<R> request) {
        return (R) apply(decree, List.of(request)).get(0);
    }

    /** An empty write: advances the decree and nothing else. */
    public void applyEmpty(long decree) {
        apply(decree, List.of());
    }

    // ---- reads (any thread) ----

    public read_response get(blob key) {
        return guarded(() -> points.get(key));
    }

    public ttl_response ttl(blob key) {
        return guarded(() -> points.ttl(key));
    }

    public multi_get_response multiGet(multi_get_request request) {
        return guarded(() -> multiGets.multiGet(request));
    }

    public batch_get_response batchGet(batch_get_request request) {
        return guarded(() -> points.batchGet(request));
    }

    public count_response sortkeyCount(blob hashKey) {
        return guarded(() -> sortKeyCounter.count(hashKey));
    }

    public scan_response getScanner(get_scanner_request request) {
        return guarded(() -> scanner.getScanner(request));
    }

    public scan_response scan(scan_request request) {
        return guarded(() -> scanner.scan(request));
    }

    public void clearScanner(long contextId) {
        guarded(() -> {
            scanner.clearScanner(contextId);
            return null;
        });
    }

    /** Closes scan contexts idle longer than the timeout (also done lazily); returns how many. */
    public int expireIdleScanners() {
        return guarded(scanContexts::expireIdle);
    }

    // ---- decrees, flush, checkpoints ----

    /** The decree of the last mutation applied (in memory; includes unflushed ones). */
    public long lastCommittedDecree() {
        return lastCommittedDecree;
    }

    /** The last decree whose data is durable on disk, read from the persisted state. */
    public long lastFlushedDecree() {
        return admin("reading the flushed decree", meta::flushedDecree);
    }

    /** Flushes the memtables of both column families together and waits; afterwards every applied decree is durable. */
    public void flush() {
        admin("flush", () -> {
            maintenance.flush();
            return null;
        });
    }

    /**
     * Makes {@code <parent>/checkpoint.<decree>} at the last committed decree: flushes, then takes a RocksDB
     * checkpoint while no write can slip in. Returns the existing one when nothing was applied since it was made.
     */
    public CheckpointInfo createCheckpoint(Path parent) {
        return admin("checkpoint", () -> {
            writeLock.lock();
            try {
                maintenance.flush();
                long decree = lastCommittedDecree;
                Path target = Checkpoints.dirFor(parent, decree);
                if (!Files.isDirectory(target)) {
                    maintenance.checkpoint(target);
                }
                return new CheckpointInfo(decree, target);
            } finally {
                writeLock.unlock();
            }
        });
    }

    // ---- TTL, compaction, options ----

    /** Sets the table's default TTL ({@code default_ttl} env, seconds; 0 = none) for later writes and sweeps. */
    public void setDefaultTtl(int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("default TTL must be >= 0: " + seconds);
        }
        defaultTtlSeconds = seconds;
    }

    /** Runs a whole TTL sweep pass now (then compacts what it deleted) and returns what it did. */
    public SweepStats sweepExpired() {
        return admin("TTL sweep", sweeper::sweepPass);
    }

    /**
     * Sweeps expired records in the background on {@code executor}: one step of
     * {@link StoreOptions#ttlSweepBatchSize()} records every {@code stepPeriod} while a pass runs, a new pass every
     * {@code passInterval}. Stopped by closing the result or the store.
     */
    public AutoCloseable startTtlSweeper(
            ScheduledExecutorService executor, Duration stepPeriod, Duration passInterval) {
        SweepSchedule schedule = SweepSchedule.start(
                gpid.toString(),
                executor,
                () -> admin("TTL sweep", sweeper::step),
                sweeper::isPassRunning,
                clock,
                stepPeriod,
                passInterval);
        sweepSchedules.add(schedule);
        return schedule;
    }

    /**
     * A manual compaction ({@code ops-tables.md} §5.3 step 9): flush, sweep expired records, compact the whole data
     * range into {@code targetLevel} (-1 = automatic), forcing the bottommost level or not, then record the finish
     * time and flush again.
     */
    public void manualCompact(int targetLevel, boolean forceBottommost) {
        admin("manual compaction", () -> {
            maintenance.flush();
            sweeper.sweepPass();
            maintenance.compactAll(targetLevel, forceBottommost);
            maintenance.recordManualCompactFinish(clock.nowSeconds2016() + ExpireTime.EPOCH_2016_UNIX_SECONDS);
            maintenance.flush();
            return null;
        });
    }

    /** When the last manual compaction finished, Unix seconds (0 = never). */
    public long lastManualCompactFinishTime() {
        return admin("reading meta", maintenance::lastManualCompactFinish);
    }

    /** Switches the data column family to {@code scenario} at once; a reopen applies it again. */
    public void setUsageScenario(UsageScenario scenario) {
        admin("setting the usage scenario", () -> {
            maintenance.applyScenario(scenario, true);
            usageScenario = scenario;
            return null;
        });
    }

    /** The usage scenario in effect. */
    public UsageScenario usageScenario() {
        return usageScenario;
    }

    /** The RocksDB options in effect, by Pegasus's names (for {@code replica.query-app-envs}). */
    public Map<String, String> effectiveOptions() {
        return admin("reading options", () -> maintenance.effectiveOptions(usageScenario));
    }

    /** A RocksDB property of the data column family (e.g. {@code rocksdb.total-sst-files-size}). */
    public long longProperty(String name) {
        return admin("reading property " + name, () -> rocks.db().getLongProperty(rocks.data(), name));
    }

    /** A step of RocksDB or file-system work. */
    private interface AdminStep<T> {
        T run() throws RocksDBException, IOException;
    }

    /** Runs an administrative step on the open store, turning its failures into {@link StoreException}. */
    private <T> T admin(String what, AdminStep<T> step) {
        return guarded(() -> {
            try {
                return step.run();
            } catch (RocksDBException e) {
                throw new StoreException(gpid + ": " + what + " failed", RocksStatus.of(e), e);
            } catch (IOException e) {
                throw new StoreException(gpid + ": " + what + " failed", e);
            }
        });
    }

    // ---- lifecycle ----

    private <T> T guarded(Supplier<T> operation) {
        Lock lock = lifecycle.readLock();
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException(gpid + ": partition store is closed");
            }
            return operation.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the store: stops background sweeps, closes scan contexts, flushes when {@link StoreOptions#flushOnClose()}
     * (otherwise unflushed writes are dropped, as in a crash), and releases RocksDB. Idempotent.
     */
    @Override
    public void close() {
        sweepSchedules.forEach(SweepSchedule::close);
        Lock lock = lifecycle.writeLock();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                scanContexts.close();
                if (options.flushOnClose()) {
                    maintenance.flush();
                }
            } catch (RocksDBException e) {
                throw new StoreException(gpid + ": flush on close failed", RocksStatus.of(e), e);
            } finally {
                applier.close();
                writeOptions.close();
                rocks.close();
                if (ownedResources != null) {
                    ownedResources.close();
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
