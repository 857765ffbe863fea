package io.enif.replica.metrics;

import io.enif.common.Gpid;
import io.enif.common.metrics.MetricEntity;
import io.enif.common.metrics.MetricPrototype;
import io.enif.common.metrics.MetricRegistry;
import io.enif.common.metrics.ProcessMetrics;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replica.partition.ReplicaSnapshot;
import io.enif.replication.PartitionStatus;
import io.enif.storage.PartitionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Refreshes the replica server's computed gauges before each scrape: replica counts by state (server and disk),
 * disk capacity, the block cache, and per replica the RocksDB figures, the private log size and the decrees. Replicas no longer hosted are retired.
 */
public final class ReplicaCollector implements Consumer<MetricRegistry> {
    private static final String SERVER = ProcessMetrics.SERVER;
    private static final String REPLICA = ReplicaMetrics.REPLICA;
    private static final String DISK = ReplicaMetrics.DISK;
    private static final long MB = 1 << 20;

    // server
    static final MetricPrototype TOTAL = gauge(SERVER, "total_replicas", "replicas", "Replicas hosted");
    static final MetricPrototype PRIMARY = gauge(SERVER, "primary_replicas", "replicas", "Primary replicas");
    static final MetricPrototype SECONDARY = gauge(SERVER, "secondary_replicas", "replicas", "Secondary replicas");
    static final MetricPrototype LEARNING =
            gauge(SERVER, "learning_replicas", "replicas", "Replicas learning (potential secondaries)");
    static final MetricPrototype INACTIVE = gauge(SERVER, "inactive_replicas", "replicas", "Inactive replicas");
    static final MetricPrototype ERROR = gauge(SERVER, "error_replicas", "replicas", "Replicas in the error state");
    static final MetricPrototype OPENING = gauge(SERVER, "opening_replicas", "replicas", "Replicas being opened");
    static final MetricPrototype CLOSING = gauge(SERVER, "closing_replicas", "replicas", "Replicas being closed");
    static final MetricPrototype BLOCK_CACHE =
            gauge(SERVER, "rdb_block_cache_mem_usage_bytes", "bytes", "Memory used by the shared RocksDB block cache");
    static final MetricPrototype SERVER_DISK_TOTAL =
            gauge(SERVER, "disk_capacity_total_mb", "MB", "Capacity of all data dirs");
    static final MetricPrototype SERVER_DISK_AVAIL =
            gauge(SERVER, "disk_capacity_avail_mb", "MB", "Space available on all data dirs");
    static final MetricPrototype DISK_AVAIL_TOTAL_RATIO =
            gauge(SERVER, "disk_available_total_ratio", "percent", "Available space of all data dirs, in percent");
    static final MetricPrototype DISK_AVAIL_MIN_RATIO =
            gauge(SERVER, "disk_available_min_ratio", "percent", "Available space of the fullest data dir, in percent");

    // disk
    static final MetricPrototype DISK_TOTAL = gauge(DISK, "disk_capacity_total_mb", "MB", "Capacity of the data dir");
    static final MetricPrototype DISK_AVAIL =
            gauge(DISK, "disk_capacity_avail_mb", "MB", "Space available on the data dir");
    static final MetricPrototype DISK_REPLICAS = gauge(DISK, "total_replicas", "replicas", "Replicas on the data dir");

    // replica
    static final MetricPrototype SST_FILES = gauge(REPLICA, "rdb_total_sst_files", "files", "SST files");
    static final MetricPrototype SST_SIZE = gauge(REPLICA, "rdb_total_sst_size_mb", "MB", "Size of the SST files");
    static final MetricPrototype KEYS = gauge(REPLICA, "rdb_estimated_keys", "keys", "Estimated number of keys");
    static final MetricPrototype MEMTABLE =
            gauge(REPLICA, "rdb_memtable_mem_usage_bytes", "bytes", "Memory of the memtables");
    static final MetricPrototype INDEX_FILTER =
            gauge(REPLICA, "rdb_index_and_filter_blocks_mem_usage_bytes", "bytes", "Memory of index and filter blocks");
    static final MetricPrototype WRITE_STOPPED =
            gauge(REPLICA, "rdb_write_stopped", "bool", "1 while RocksDB stops writes (a write stall)");
    static final MetricPrototype DELAYED_WRITE_RATE = gauge(
            REPLICA,
            "rdb_delayed_write_rate_bytes_per_sec",
            "bytes/s",
            "The rate RocksDB slows writes to during a stall (0 when writes are not delayed)");
    static final MetricPrototype PENDING_COMPACTION =
            gauge(REPLICA, "rdb_estimated_pending_compaction_bytes", "bytes", "Bytes compaction still has to rewrite");
    static final MetricPrototype PLOG_SIZE =
            gauge(REPLICA, "private_log_size_mb", "MB", "Size of the replica's private log files");
    static final MetricPrototype COMMITTED =
            gauge(REPLICA, "last_committed_decree", "decree", "The replica's commit point");
    static final MetricPrototype DURABLE =
            gauge(REPLICA, "last_durable_decree", "decree", "The decree of the newest checkpoint");
    private final ReplicaMetrics metrics;
    private final Supplier<Collection<PartitionRunner>> runners;
    private final Map<String, Path> dataDirs;
    private final LongSupplier blockCacheUsage;

    /**
     * @param metrics the server's metrics
     * @param runners the replicas hosted now
     * @param dataDirs the data dirs by tag
     * @param blockCacheUsage the shared block cache's usage in bytes
     */
    public ReplicaCollector(
            ReplicaMetrics metrics,
            Supplier<Collection<PartitionRunner>> runners,
            Map<String, Path> dataDirs,
            LongSupplier blockCacheUsage) {
        this.metrics = metrics;
        this.runners = runners;
        this.dataDirs = Map.copyOf(dataDirs);
        this.blockCacheUsage = blockCacheUsage;
    }

    @Override
    public synchronized void accept(MetricRegistry registry) {
        Collection<PartitionRunner> hosted = List.copyOf(runners.get());
        Map<PartitionStatus, Integer> byStatus = new EnumMap<>(PartitionStatus.class);
        Map<String, Integer> byDisk = new java.util.HashMap<>();
        Set<Gpid> live = new HashSet<>();
        for (PartitionRunner r : hosted) {
            live.add(r.gpid());
            ReplicaSnapshot s = r.snapshot();
            byStatus.merge(s.status(), 1, Integer::sum);
            byDisk.merge(r.dir().diskTag(), 1, Integer::sum);
            replica(r, s);
        }
        for (Gpid g : List.copyOf(metrics.partitions().keySet())) {
            if (!live.contains(g)) {
                metrics.retire(g);
            }
        }
        MetricEntity server = ProcessMetrics.server(registry);
        server.gauge(TOTAL).set(hosted.size());
        server.gauge(PRIMARY).set(byStatus.getOrDefault(PartitionStatus.PRIMARY, 0));
        server.gauge(SECONDARY).set(byStatus.getOrDefault(PartitionStatus.SECONDARY, 0));
        server.gauge(LEARNING).set(byStatus.getOrDefault(PartitionStatus.POTENTIAL_SECONDARY, 0));
        server.gauge(INACTIVE).set(byStatus.getOrDefault(PartitionStatus.INACTIVE, 0));
        server.gauge(ERROR).set(byStatus.getOrDefault(PartitionStatus.ERROR, 0));
        server.gauge(OPENING).set(0); // replicas open synchronously when the server starts
        server.gauge(CLOSING).set(0);
        server.gauge(BLOCK_CACHE).set(blockCacheUsage.getAsLong());
        long total = 0;
        long avail = 0;
        long minRatio = 100;
        for (Map.Entry<String, Path> d : dataDirs.entrySet()) {
            long t = d.getValue().toFile().getTotalSpace() / MB;
            long a = d.getValue().toFile().getUsableSpace() / MB;
            MetricEntity disk = registry.entity(DISK, DISK + "@" + d.getKey(), Map.of("disk_tag", d.getKey()));
            disk.gauge(DISK_TOTAL).set(t);
            disk.gauge(DISK_AVAIL).set(a);
            disk.gauge(DISK_REPLICAS).set(byDisk.getOrDefault(d.getKey(), 0));
            total += t;
            avail += a;
            if (t > 0) {
                minRatio = Math.min(minRatio, a * 100 / t);
            }
        }
        server.gauge(SERVER_DISK_TOTAL).set(total);
        server.gauge(SERVER_DISK_AVAIL).set(avail);
        server.gauge(DISK_AVAIL_TOTAL_RATIO).set(total == 0 ? 0 : avail * 100 / total);
        server.gauge(DISK_AVAIL_MIN_RATIO).set(dataDirs.isEmpty() ? 0 : minRatio);
    }

    private void replica(PartitionRunner r, ReplicaSnapshot s) {
        String table = r.app() == null ? "" : r.app().getApp_name();
        MetricEntity e = metrics.partition(r.gpid(), table, r.dir().diskTag()).entity();
        e.gauge(COMMITTED).set(s.lastCommittedDecree());
        e.gauge(DURABLE).set(s.lastDurableDecree());
        e.gauge(PLOG_SIZE).set(directorySize(r.dir().plogDir()) / MB);
        PartitionStore store = r.store();
        if (store == null) {
            return;
        }
        e.gauge(SST_FILES).set(countFiles(r.dir().rdbDir(), ".sst"));
        property(store, e, SST_SIZE, "rocksdb.total-sst-files-size", MB);
        property(store, e, KEYS, "rocksdb.estimate-num-keys", 1);
        property(store, e, MEMTABLE, "rocksdb.cur-size-all-mem-tables", 1);
        property(store, e, INDEX_FILTER, "rocksdb.estimate-table-readers-mem", 1);
        property(store, e, WRITE_STOPPED, "rocksdb.is-write-stopped", 1);
        property(store, e, DELAYED_WRITE_RATE, "rocksdb.actual-delayed-write-rate", 1);
        property(store, e, PENDING_COMPACTION, "rocksdb.estimate-pending-compaction-bytes", 1);
    }

    /** Sets a gauge from a RocksDB integer property divided by {@code divisor}; keeps the last value on failure. */
    private static void property(
            PartitionStore store, MetricEntity e, MetricPrototype prototype, String property, long divisor) {
        try {
            e.gauge(prototype).set(store.longProperty(property) / divisor);
        } catch (RuntimeException closed) {
            // the store closed or is being replaced (learning): keep the last value
        }
    }

    private static long countFiles(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .count();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long directorySize(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static MetricPrototype gauge(String type, String name, String unit, String description) {
        return MetricPrototype.gauge(type, name, unit, description);
    }
}
