package io.enif.replica.metrics;

import io.enif.common.Gpid;
import io.enif.common.metrics.Counter;
import io.enif.common.metrics.MetricPrototype;
import io.enif.common.metrics.MetricRegistry;
import io.enif.common.metrics.ProcessMetrics;
import io.enif.replication.learn.LearnType;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metrics of one replica server: the registry, the per-replica handles ({@link #partition}) and the server-wide
 * counters of refused requests. The gauges computed from the server's state are added by {@link ReplicaCollector}.
 */
public final class ReplicaMetrics {
    /** Entity type of a replica. */
    public static final String REPLICA = "replica";

    /** Entity type of a data dir. */
    public static final String DISK = "disk";

    static final String SERVER = ProcessMetrics.SERVER;

    public static final MetricPrototype READ_CAPACITY_UNITS = MetricPrototype.counter(
            REPLICA, "read_capacity_units", "capacity units", "Read capacity units (4 KiB of data read, at least 1)");
    public static final MetricPrototype WRITE_CAPACITY_UNITS = MetricPrototype.counter(
            REPLICA,
            "write_capacity_units",
            "capacity units",
            "Write capacity units (4 KiB of data written, at least 1)");
    public static final MetricPrototype BACKUP_REQUESTS = MetricPrototype.counter(
            REPLICA, "backup_requests", "requests", "Backup requests (reads a client let a secondary serve) served");
    public static final MetricPrototype BACKUP_REQUEST_BYTES =
            MetricPrototype.counter(REPLICA, "backup_request_bytes", "bytes", "The bytes of backup requests served");
    public static final MetricPrototype PREPARE_FAILED = MetricPrototype.counter(
            REPLICA, "prepare_failed_requests", "requests", "Prepares this primary sent that failed");
    public static final MetricPrototype GROUP_CHECK_FAILED = MetricPrototype.counter(
            REPLICA, "group_check_failed_requests", "requests", "Group checks this primary sent that failed");

    /** The learn replies by type: Pegasus's {@code learn_lt_cache_responses}, {@code ..._app_...}, {@code ..._log_...}. */
    public static final Map<LearnType, MetricPrototype> LEARNED = Map.of(
            LearnType.LT_CACHE, learned("learn_lt_cache_responses", "cache"),
            LearnType.LT_APP, learned("learn_lt_app_responses", "checkpoint (app)"),
            LearnType.LT_LOG, learned("learn_lt_log_responses", "log"));

    public static final MetricPrototype READ_FAILED = MetricPrototype.counter(
            SERVER, "read_failed_requests", "requests", "Reads refused: replica not here or not allowed to serve");
    public static final MetricPrototype WRITE_FAILED =
            MetricPrototype.counter(SERVER, "write_failed_requests", "requests", "Writes answered with an error");
    public static final MetricPrototype READ_BUSY = MetricPrototype.counter(
            SERVER, "read_busy_requests", "requests", "Reads refused with ERR_BUSY (read threads saturated)");
    public static final MetricPrototype WRITE_BUSY =
            MetricPrototype.counter(SERVER, "write_busy_requests", "requests", "Writes refused with ERR_BUSY");

    private final MetricRegistry registry;
    private final Map<Gpid, PartitionMetrics> partitions = new ConcurrentHashMap<>();
    private final Counter readFailed;
    private final Counter writeFailed;
    private final Counter readBusy;
    private final Counter writeBusy;

    public ReplicaMetrics(MetricRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        var server = ProcessMetrics.server(registry);
        readFailed = server.counter(READ_FAILED);
        writeFailed = server.counter(WRITE_FAILED);
        readBusy = server.counter(READ_BUSY);
        writeBusy = server.counter(WRITE_BUSY);
    }

    private static MetricPrototype learned(String name, String what) {
        return MetricPrototype.counter(
                REPLICA, name, "responses", "Learn replies of type " + what + " this replica received as a learner");
    }

    /** Metrics nobody reads (tests that build a partition alone). */
    public static ReplicaMetrics detached() {
        return new ReplicaMetrics(new MetricRegistry());
    }

    /** The registry. */
    public MetricRegistry registry() {
        return registry;
    }

    /** The entity id of a replica: {@code replica@2.3}. */
    public static String replicaId(Gpid gpid) {
        return REPLICA + "@" + gpid;
    }

    /** The metrics of replica {@code gpid} of table {@code tableName} on data dir {@code diskTag}. */
    public PartitionMetrics partition(Gpid gpid, String tableName, String diskTag) {
        return partitions.computeIfAbsent(
                gpid,
                g -> new PartitionMetrics(
                        g,
                        registry.entity(
                                REPLICA,
                                replicaId(g),
                                Map.of(
                                        "table_id",
                                        Integer.toString(g.appId()),
                                        "partition_id",
                                        Integer.toString(g.partitionIndex()),
                                        "table_name",
                                        tableName == null ? "" : tableName,
                                        "disk_tag",
                                        diskTag == null ? "" : diskTag))));
    }

    /** The replicas that have metrics. */
    public Map<Gpid, PartitionMetrics> partitions() {
        return partitions;
    }

    /** Retires replica {@code gpid}: its entity leaves the registry. */
    public void retire(Gpid gpid) {
        if (partitions.remove(gpid) != null) {
            registry.remove(replicaId(gpid));
        }
    }

    /** A read refused because the replica is absent or may not serve. */
    public void readFailed() {
        readFailed.increment();
    }

    /** A write answered with an error. */
    public void writeFailed() {
        writeFailed.increment();
    }

    /** A read refused with ERR_BUSY. */
    public void readBusy() {
        readBusy.increment();
    }

    /** A write refused with ERR_BUSY. */
    public void writeBusy() {
        writeBusy.increment();
    }
}
