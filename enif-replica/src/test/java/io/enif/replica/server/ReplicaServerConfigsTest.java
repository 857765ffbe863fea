package io.enif.replica.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.HostPort;
import io.enif.common.config.Config;
import io.enif.common.config.ConfigLoader;
import io.enif.common.config.ConfigRegistry;
import io.enif.common.replication.ReplicationKeys;
import io.enif.replication.ReplicaOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ReplicaServerConfigsTest {
    private static Config load(String ini) {
        return ConfigLoader.forRegistry(ConfigRegistry.discover())
                .text("test.ini", ini)
                .load();
    }

    @Test
    void theRegistryFindsTheReplicaKeysAndTheSharedOnes() {
        ConfigRegistry registry = ConfigRegistry.discover();
        assertThat(registry.contains(ReplicaConfigKeys.MAX_ALLOWED_WRITE_SIZE)).isTrue();
        assertThat(registry.contains(ReplicationKeys.FD_LEASE_SECONDS)).isTrue();
        assertThat(registry.find("nfs", "max_copy_rate_megabytes_per_disk")).isPresent();
        assertThat(registry.find("meta_server", "server_list")).isPresent();
    }

    @Test
    void defaultsArePegasusDefaults() {
        ReplicaServerConfig config = ReplicaServerConfigs.fromConfig(load(""), "127.0.0.1", 0);
        assertThat(config.options()).isEqualTo(ReplicaOptions.defaults());
        assertThat(config.fd()).isEqualTo(ReplicaServerConfig.FdConfig.defaults());
        assertThat(config.configSyncIntervalMs()).isEqualTo(30_000);
        assertThat(config.checkpointIntervalMs()).isEqualTo(100_000);
        assertThat(config.checkpointReserveMinCount()).isEqualTo(2);
        assertThat(config.copyRateMegabytesPerDisk()).isEqualTo(500);
        assertThat(config.dataDirs())
                .containsExactly(new DataDir("default", Path.of(".").resolve("data")));
        assertThat(config.metaServers()).isEmpty();
    }

    @Test
    void iniValuesReachTheTypedConfig() {
        ReplicaServerConfig config = ReplicaServerConfigs.fromConfig(load("""
                        [meta_server]
                        server_list = 127.0.0.1:34601, 127.0.0.1:34602
                        [replication]
                        data_dirs = ssd1:/data/a,ssd2:/data/b
                        mutation_2pc_min_replica_count = 3
                        max_allowed_write_size = 2048
                        prepare_timeout_ms_for_secondaries = 1500
                        group_check_interval_ms = 7000
                        staleness_for_commit = 10
                        fd_lease_seconds = 10
                        fd_beacon_interval_seconds = 2
                        config_sync_interval_ms = 5000
                        checkpoint_interval_seconds = 0
                        partition_lane_count = 8
                        [nfs]
                        max_copy_rate_megabytes_per_disk = 50
                        """), "127.0.0.1", 34801);
        assertThat(config.rpc().port()).isEqualTo(34801);
        assertThat(config.metaServers())
                .containsExactly(new HostPort("127.0.0.1", 34601), new HostPort("127.0.0.1", 34602));
        assertThat(config.dataDirs())
                .containsExactly(new DataDir("ssd1", Path.of("/data/a")), new DataDir("ssd2", Path.of("/data/b")));
        assertThat(config.options().mutation2pcMinReplicaCount()).isEqualTo(3);
        assertThat(config.options().maxAllowedWriteSize()).isEqualTo(2048);
        assertThat(config.options().prepareTimeoutMsForSecondaries()).isEqualTo(1500);
        assertThat(config.options().groupCheckIntervalMs()).isEqualTo(7000);
        assertThat(config.options().stalenessForCommit()).isEqualTo(10);
        assertThat(config.fd().leaseMs()).isEqualTo(10_000);
        assertThat(config.fd().beaconIntervalMs()).isEqualTo(2000);
        assertThat(config.configSyncIntervalMs()).isEqualTo(5000);
        assertThat(config.checkpointIntervalMs()).isZero();
        assertThat(config.laneCount()).isEqualTo(8);
        assertThat(config.copyRateMegabytesPerDisk()).isEqualTo(50);
    }

    @Test
    void inconsistentTimersAreRefused() {
        assertThatThrownBy(() -> ReplicaServerConfigs.fromConfig(
                        load("[replication]\nfd_lease_seconds = 5\nfd_beacon_interval_seconds = 3\n"), "h", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lease");
    }

    @Test
    void dataDirsParse() {
        assertThat(DataDir.parse("", Path.of("/srv/enif")))
                .containsExactly(new DataDir("default", Path.of("/srv/enif/data")));
        assertThat(DataDir.parse("/x, /y", Path.of(".")))
                .containsExactly(new DataDir("data0", Path.of("/x")), new DataDir("data1", Path.of("/y")));
        assertThatThrownBy(() -> DataDir.parse("a:/x,a:/y", Path.of("."))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataDir.parse("a:/x,,b:/y", Path.of(".")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new DataDir("t", Path.of("/d")).repsDir()).isEqualTo(Path.of("/d/replica/reps"));
    }
}
