package io.enif.replica.metrics;

import io.enif.common.Gpid;
import io.enif.common.metrics.Counter;
import io.enif.common.metrics.MetricEntity;
import io.enif.common.metrics.Percentile;
import io.enif.replication.learn.LearnType;
import java.util.EnumMap;
import java.util.Map;

/**
 * The hot-path metrics of one replica (entity {@code replica@<gpid>}): the handles are resolved once, so an update is
 * an adder increment. Reads count on the replica that serves them; writes count on every replica that applies them
 * (as Pegasus does: a write to a table of 3 replicas counts 3 times), and their latency on the primary, from receipt
 * to reply.
 */
public final class PartitionMetrics {
    /** Capacity units are 4 KiB, as Pegasus's {@code read_capacity_units} / {@code write_capacity_units}. */
    private static final int CAPACITY_UNIT_BYTES = 4096;

    private final Gpid gpid;
    private final MetricEntity entity;
    private final Counter[] requests = new Counter[Operation.values().length];
    private final Percentile[] latency = new Percentile[Operation.values().length];
    private final Counter[] bytes = new Counter[Operation.values().length];
    private final Counter readUnits;
    private final Counter writeUnits;
    private final Counter backupRequests;
    private final Counter backupBytes;
    private final Counter prepareFailed;
    private final Counter groupCheckFailed;
    private final Map<LearnType, Counter> learned = new EnumMap<>(LearnType.class);

    PartitionMetrics(Gpid gpid, MetricEntity entity) {
        this.gpid = gpid;
        this.entity = entity;
        for (Operation op : Operation.values()) {
            requests[op.ordinal()] = entity.counter(op.requests());
            latency[op.ordinal()] = entity.percentile(op.latency());
            bytes[op.ordinal()] = op.bytes() == null ? null : entity.counter(op.bytes());
        }
        readUnits = entity.counter(ReplicaMetrics.READ_CAPACITY_UNITS);
        writeUnits = entity.counter(ReplicaMetrics.WRITE_CAPACITY_UNITS);
        backupRequests = entity.counter(ReplicaMetrics.BACKUP_REQUESTS);
        backupBytes = entity.counter(ReplicaMetrics.BACKUP_REQUEST_BYTES);
        prepareFailed = entity.counter(ReplicaMetrics.PREPARE_FAILED);
        groupCheckFailed = entity.counter(ReplicaMetrics.GROUP_CHECK_FAILED);
        ReplicaMetrics.LEARNED.forEach((type, prototype) -> learned.put(type, entity.counter(prototype)));
    }

    /** The partition. */
    public Gpid gpid() {
        return gpid;
    }

    /** The entity, for the collectors' gauges. */
    public MetricEntity entity() {
        return entity;
    }

    /** A read served: its latency and the bytes of the data it returned. */
    public void read(Operation op, long latencyNs, long responseBytes, boolean backupRequest) {
        requests[op.ordinal()].increment();
        latency[op.ordinal()].record(latencyNs);
        if (bytes[op.ordinal()] != null) {
            bytes[op.ordinal()].add(responseBytes);
        }
        readUnits.add(units(responseBytes));
        if (backupRequest) {
            backupRequests.increment();
            backupBytes.add(responseBytes);
        }
    }

    /** A write applied to this replica's store. */
    public void applied(Operation op, long requestBytes) {
        requests[op.ordinal()].increment();
        if (bytes[op.ordinal()] != null) {
            bytes[op.ordinal()].add(requestBytes);
        }
        writeUnits.add(units(requestBytes));
    }

    /** A write answered by this replica as primary, {@code latencyNs} after it arrived. */
    public void writeLatency(Operation op, long latencyNs) {
        latency[op.ordinal()].record(latencyNs);
    }

    /** A prepare to a secondary or learner failed. */
    public void prepareFailed() {
        prepareFailed.increment();
    }

    /** A group check to a secondary or learner failed. */
    public void groupCheckFailed() {
        groupCheckFailed.increment();
    }

    /** A learn reply of {@code type} received by this replica as a learner. */
    public void learned(LearnType type) {
        learned.get(type).increment();
    }

    private static long units(long bytes) {
        return Math.max(1, (bytes + CAPACITY_UNIT_BYTES - 1) / CAPACITY_UNIT_BYTES);
    }
}
