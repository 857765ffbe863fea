package io.enif.test.minicluster;

/**
 * The configuration a {@link MiniCluster} gives its servers, as ini text read with the registered keys (so the same
 * binding code as {@code enif meta -c} and {@code enif replica -c} runs): the onebox profile of DESIGN §10 ({@code
 * min_live_node_count_for_unfreeze = 1}, {@code stable_rs_min_running_seconds = 0}, {@code
 * mutation_2pc_min_replica_count = 2}, {@code add_secondary_enable_flow_control = true}) with shortened timers.
 *
 * <p>Timers: beacon 1 s, check 1 s, lease 5 s, grace 6 s (grace > lease > 2 × beacon, as the meta server demands),
 * ZooKeeper session 3 s, cure every second, config sync every 2 s, group check (and the empty write of an idle
 * primary, which carries the commit point to the secondaries) every second. The keys are whole seconds. A replica
 * server drops its lease after lease − check = 4 s without an acknowledged beacon, and a killed meta leader is
 * replaced after about 3 s, so a meta failover may cost the replicas their leases (their primaries then come back at
 * a new ballot); tests of meta failover under writes use a longer lease. Small thread pools and caches, since every
 * server of the cluster shares one JVM.
 */
public final class MiniClusterProfile {
    private MiniClusterProfile() {}

    /** The base ini text; tests add their own keys with {@link MiniCluster.Builder#override(String)}. */
    public static final String TEST_PROFILE = String.join(
            "\n",
            "[meta_server]",
            "cluster_root = /enif/mini",
            "min_live_node_count_for_unfreeze = 1",
            "stable_rs_min_running_seconds = 0",
            "add_secondary_enable_flow_control = true",
            "",
            "[replication]",
            "cluster_name = mini",
            "fd_beacon_interval_seconds = 1",
            "fd_check_interval_seconds = 1",
            "fd_lease_seconds = 5",
            "fd_grace_seconds = 6",
            "lb_interval_ms = 1000",
            "mutation_2pc_min_replica_count = 2",
            "config_sync_interval_ms = 2000",
            "group_check_interval_ms = 1000",
            "partition_lane_count = 2",
            "read_thread_count = 2",
            "",
            "[zookeeper]",
            "timeout_ms = 3000",
            "",
            "[network]",
            "io_service_worker_count = 2",
            "",
            "[pegasus.server]",
            "rocksdb_block_cache_capacity = 8388608",
            "rocksdb_write_buffer_size = 4194304",
            "");
}
