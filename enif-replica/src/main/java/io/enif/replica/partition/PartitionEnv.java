package io.enif.replica.partition;

import io.enif.common.HostPort;
import io.enif.common.concurrent.MillisClock;
import io.enif.replica.metrics.ReplicaMetrics;
import io.enif.replication.ReplicaOptions;
import java.util.Objects;

/**
 * What every partition runner of one replica server shares.
 *
 * @param self this replica server's address, as the meta server and the peers know it
 * @param options the replication core's tunables
 * @param clock the monotonic clock of ticks, leases and mutation timestamps
 * @param peers the other replica servers
 * @param meta the meta server leader
 * @param stores opens partition stores
 * @param logs opens private logs
 * @param learning copies learned files
 * @param listener hears about replicas in error
 * @param tickIntervalMs how often each core gets a tick
 * @param maintenanceIntervalMs how often the private log is garbage-collected and storage progress reported
 * @param checkpointIntervalMs {@code checkpoint_interval_seconds}: how often a checkpoint is attempted (0 = never)
 * @param checkpointReserve which checkpoints are kept ({@code checkpoint_reserve_min_count}, {@code
 *     checkpoint_reserve_time_seconds}), changeable at run time
 * @param metrics the server's metrics
 */
public record PartitionEnv(
        HostPort self,
        ReplicaOptions options,
        MillisClock clock,
        PeerLink peers,
        MetaLink meta,
        StoreFactory stores,
        PrivateLogFactory logs,
        LearnTransfers learning,
        RunnerListener listener,
        long tickIntervalMs,
        long maintenanceIntervalMs,
        long checkpointIntervalMs,
        CheckpointReserve checkpointReserve,
        ReplicaMetrics metrics) {

    /**
     * An environment whose metrics nobody reads, keeping {@code checkpointReserveMinCount} checkpoints with no time
     * check (tests that build partitions alone).
     */
    public PartitionEnv(
            HostPort self,
            ReplicaOptions options,
            MillisClock clock,
            PeerLink peers,
            MetaLink meta,
            StoreFactory stores,
            PrivateLogFactory logs,
            LearnTransfers learning,
            RunnerListener listener,
            long tickIntervalMs,
            long maintenanceIntervalMs,
            long checkpointIntervalMs,
            int checkpointReserveMinCount) {
        this(
                self,
                options,
                clock,
                peers,
                meta,
                stores,
                logs,
                learning,
                listener,
                tickIntervalMs,
                maintenanceIntervalMs,
                checkpointIntervalMs,
                CheckpointReserve.ofMinCount(checkpointReserveMinCount),
                ReplicaMetrics.detached());
    }

    public PartitionEnv {
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(peers, "peers");
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(logs, "logs");
        Objects.requireNonNull(learning, "learning");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(metrics, "metrics");
        if (tickIntervalMs < 1 || maintenanceIntervalMs < 1 || checkpointIntervalMs < 0) {
            throw new IllegalArgumentException("intervals must be positive");
        }
        Objects.requireNonNull(checkpointReserve, "checkpointReserve");
    }
}
