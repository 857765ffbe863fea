package io.enif.replica.server;

import io.enif.common.HostPort;
import io.enif.replication.ReplicaOptions;
import io.enif.rpc.RpcServerConfig;
import io.enif.storage.StoreOptions;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The typed settings of a {@link ReplicaServer}, built from the registered keys by {@link ReplicaServerConfigs} (or
 * directly by tests).
 *
 * @param rpc the server port
 * @param metaServers {@code [meta_server] server_list}
 * @param dataDirs {@code [replication] data_dirs}
 * @param options the replication core's tunables
 * @param fd the failure detector's timers
 * @param configSyncIntervalMs {@code config_sync_interval_ms}
 * @param configSyncDisabled {@code config_sync_disabled}
 * @param tickIntervalMs Enif's {@code replica_tick_interval_ms}
 * @param checkpointIntervalMs {@code checkpoint_interval_seconds} in ms (0 = never)
 * @param checkpointReserveMinCount {@code checkpoint_reserve_min_count}
 * @param gcErrorReplicaIntervalMs {@code gc_disk_error_replica_interval_seconds} in ms
 * @param gcGarbageReplicaIntervalMs {@code gc_disk_garbage_replica_interval_seconds} in ms
 * @param copyRateMegabytesPerDisk {@code [nfs] max_copy_rate_megabytes_per_disk}
 * @param sendRateMegabytesPerDisk {@code [nfs] max_send_rate_megabytes_per_disk}
 * @param laneCount Enif's {@code partition_lane_count}
 * @param readThreads Enif's {@code read_thread_count}
 * @param storeOptions the partition stores' options
 * @param blockCacheBytes the process-wide block cache
 */
public record ReplicaServerConfig(
        RpcServerConfig rpc,
        List<HostPort> metaServers,
        List<DataDir> dataDirs,
        ReplicaOptions options,
        FdConfig fd,
        long configSyncIntervalMs,
        boolean configSyncDisabled,
        long tickIntervalMs,
        long checkpointIntervalMs,
        int checkpointReserveMinCount,
        long gcErrorReplicaIntervalMs,
        long gcGarbageReplicaIntervalMs,
        int copyRateMegabytesPerDisk,
        int sendRateMegabytesPerDisk,
        int laneCount,
        int readThreads,
        StoreOptions storeOptions,
        long blockCacheBytes) {

    /**
     * The failure detector's timers (DESIGN §10).
     *
     * @param beaconIntervalMs {@code fd_beacon_interval_seconds}
     * @param checkIntervalMs {@code fd_check_interval_seconds}
     * @param leaseMs {@code fd_lease_seconds}
     * @param disabled {@code fd_disabled}: no beacons, a lease that never runs out
     */
    public record FdConfig(long beaconIntervalMs, long checkIntervalMs, long leaseMs, boolean disabled) {
        public FdConfig {
            if (beaconIntervalMs < 1 || checkIntervalMs < 1 || leaseMs <= 2 * beaconIntervalMs) {
                throw new IllegalArgumentException("failure detector timers need lease > 2 x beacon > 0: beacon "
                        + beaconIntervalMs + " ms, check " + checkIntervalMs + " ms, lease " + leaseMs + " ms");
            }
        }

        /** Pegasus's timers: beacon 3 s, check 2 s, lease 20 s. */
        public static FdConfig defaults() {
            return new FdConfig(3000, 2000, 20_000, false);
        }
    }

    public ReplicaServerConfig {
        Objects.requireNonNull(rpc, "rpc");
        metaServers = List.copyOf(metaServers);
        dataDirs = List.copyOf(dataDirs);
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(fd, "fd");
        Objects.requireNonNull(storeOptions, "storeOptions");
        if (dataDirs.isEmpty()) {
            throw new IllegalArgumentException("a replica server needs at least one data dir");
        }
        if (laneCount < 1 || readThreads < 1 || tickIntervalMs < 1) {
            throw new IllegalArgumentException("lanes, read threads and the tick interval must be positive");
        }
    }

    /** Pegasus's defaults, serving on {@code host:port} with these meta servers and data dirs. */
    public static ReplicaServerConfig defaults(
            String host, int port, List<HostPort> metaServers, List<DataDir> dataDirs) {
        return new ReplicaServerConfig(
                RpcServerConfig.of(host, port),
                metaServers,
                dataDirs,
                ReplicaOptions.defaults(),
                FdConfig.defaults(),
                30_000,
                false,
                10,
                100_000,
                2,
                604_800_000L,
                86_400_000L,
                500,
                500,
                4,
                4,
                StoreOptions.defaults(),
                64L << 20);
    }

    /** This config with other core options. */
    public ReplicaServerConfig withOptions(ReplicaOptions newOptions) {
        return edit(e -> e.options = newOptions);
    }

    /** This config with other failure-detector timers and config-sync interval. */
    public ReplicaServerConfig withTimers(FdConfig newFd, long newConfigSyncIntervalMs) {
        return edit(e -> {
            e.fd = newFd;
            e.configSyncIntervalMs = newConfigSyncIntervalMs;
        });
    }

    /** This config with other store options and checkpoint interval. */
    public ReplicaServerConfig withStorage(StoreOptions newStoreOptions, long newCheckpointIntervalMs) {
        return edit(e -> {
            e.storeOptions = newStoreOptions;
            e.checkpointIntervalMs = newCheckpointIntervalMs;
        });
    }

    /** This config with another meta server list. */
    public ReplicaServerConfig withMetaServers(List<HostPort> newMetaServers) {
        return edit(e -> e.metaServers = newMetaServers);
    }

    /** This config bound to another port (a restart on the port it had). */
    public ReplicaServerConfig withPort(int port) {
        return edit(e -> e.rpc =
                new RpcServerConfig(rpc.host(), port, rpc.maxFrameSize(), rpc.bossThreads(), rpc.workerThreads()));
    }

    private ReplicaServerConfig edit(Consumer<Editor> change) {
        Editor editor = new Editor(this);
        change.accept(editor);
        return editor.build();
    }

    /** A mutable copy of a config, for the {@code with*} methods: each changes what it names and keeps the rest. */
    private static final class Editor {
        RpcServerConfig rpc;
        List<HostPort> metaServers;
        List<DataDir> dataDirs;
        ReplicaOptions options;
        FdConfig fd;
        long configSyncIntervalMs;
        boolean configSyncDisabled;
        long tickIntervalMs;
        long checkpointIntervalMs;
        int checkpointReserveMinCount;
        long gcErrorReplicaIntervalMs;
        long gcGarbageReplicaIntervalMs;
        int copyRateMegabytesPerDisk;
        int sendRateMegabytesPerDisk;
        int laneCount;
        int readThreads;
        StoreOptions storeOptions;
        long blockCacheBytes;

        Editor(ReplicaServerConfig c) {
            rpc = c.rpc;
            metaServers = c.metaServers;
            dataDirs = c.dataDirs;
            options = c.options;
            fd = c.fd;
            configSyncIntervalMs = c.configSyncIntervalMs;
            configSyncDisabled = c.configSyncDisabled;
            tickIntervalMs = c.tickIntervalMs;
            checkpointIntervalMs = c.checkpointIntervalMs;
            checkpointReserveMinCount = c.checkpointReserveMinCount;
            gcErrorReplicaIntervalMs = c.gcErrorReplicaIntervalMs;
            gcGarbageReplicaIntervalMs = c.gcGarbageReplicaIntervalMs;
            copyRateMegabytesPerDisk = c.copyRateMegabytesPerDisk;
            sendRateMegabytesPerDisk = c.sendRateMegabytesPerDisk;
            laneCount = c.laneCount;
            readThreads = c.readThreads;
            storeOptions = c.storeOptions;
            blockCacheBytes = c.blockCacheBytes;
        }

        ReplicaServerConfig build() {
            return new ReplicaServerConfig(
                    rpc,
                    metaServers,
                    dataDirs,
                    options,
                    fd,
                    configSyncIntervalMs,
                    configSyncDisabled,
                    tickIntervalMs,
                    checkpointIntervalMs,
                    checkpointReserveMinCount,
                    gcErrorReplicaIntervalMs,
                    gcGarbageReplicaIntervalMs,
                    copyRateMegabytesPerDisk,
                    sendRateMegabytesPerDisk,
                    laneCount,
                    readThreads,
                    storeOptions,
                    blockCacheBytes);
        }
    }
}
