package io.enif.meta.server;

import io.enif.common.HostPort;
import io.enif.meta.election.LeaderElection;
import io.enif.meta.fd.FailureDetectorConfig;
import io.enif.meta.guardian.GuardianConfig;
import io.enif.meta.level.MetaLevelConfig;
import io.enif.meta.store.LeaderFence;
import io.enif.meta.store.MemMetaStore;
import io.enif.meta.store.MetaPaths;
import io.enif.proto.admin.configuration_create_app_request;
import io.enif.proto.admin.configuration_create_app_response;
import io.enif.proto.admin.create_app_options;
import io.enif.proto.fd.beacon_ack;
import io.enif.proto.fd.beacon_msg;
import io.enif.proto.replication.configuration_update_request;
import io.enif.rpc.RpcServerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One meta server's logic without threads, sockets or ZooKeeper: a {@link MemMetaStore}, a manual lane drained by
 * the test, a manual clock, a scripted election and the proposals it would send.
 */
final class MetaFixture {
    static final HostPort SELF = new HostPort("127.0.0.1", 34601);
    static final HostPort OTHER_META = new HostPort("127.0.0.1", 34602);

    final MemMetaStore store = new MemMetaStore();
    final ManualClock clock = new ManualClock();
    final ScriptedElection election = new ScriptedElection();
    final MetaLane lane = new MetaLane("test-lane", true);
    final List<Sent> proposals = new ArrayList<>();
    final MetaService service;
    final CureLoop cure;
    final ClusterQueries queries;
    final TableLifecycle tables;
    final TableSettings settings;
    final ReplicaFacing replicas;

    record Sent(HostPort target, configuration_update_request proposal) {}

    MetaFixture() {
        this(config(MetaLevelConfig.defaults().withMinLiveNodeCountForUnfreeze(0), List.of()));
    }

    MetaFixture(MetaServerConfig config) {
        service = new MetaService(config, SELF, lane, store, clock);
        service.attach(election);
        cure = new CureLoop(service, (target, p) -> proposals.add(new Sent(target, p)));
        queries = new ClusterQueries(service);
        tables = new TableLifecycle(service, cure);
        settings = new TableSettings(service, cure);
        replicas = new ReplicaFacing(service, cure);
        service.onLeading(() -> service.acting().ifPresent(state -> {
            tables.createBootstrapTables(state);
            cure.startTimers(state);
        }));
    }

    /** A test configuration: FD timers in ms (beacon 1 s, check 1 s, lease 3 s, grace 4 s), lb 1 s. */
    static MetaServerConfig config(MetaLevelConfig level, List<BootstrapTable> bootstrap) {
        return new MetaServerConfig(
                RpcServerConfig.of("127.0.0.1", 0),
                List.of(SELF, OTHER_META),
                "test",
                MetaPaths.of("/", ""),
                "127.0.0.1:2181",
                Duration.ofSeconds(10),
                FailureDetectorConfig.defaults()
                        .withTimers(1000, 1000, 3000, 4000)
                        .withStability(0, 5),
                level,
                GuardianConfig.defaults(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(604_800),
                1,
                5,
                bootstrap);
    }

    /** Makes this server win an election and load its state. */
    LeaderFence elect() {
        LeaderFence fence = LeaderFence.ofEpoch(store.bumpEpoch());
        election.fence = fence;
        service.onElected(fence);
        lane.drain();
        return fence;
    }

    /** Runs what the lane queued. */
    void drain() {
        lane.drain();
    }

    Optional<LeaderState> leader() {
        return service.acting();
    }

    /** A replica server's beacon, as of now. */
    beacon_ack beacon(HostPort node) {
        beacon_msg msg = new beacon_msg();
        msg.setTime(clock.ms);
        msg.setFrom_node(ThriftViews.address(node));
        msg.setHp_from_node(ThriftViews.hostPort(node));
        msg.setTo_node(ThriftViews.address(SELF));
        msg.setStart_time(1);
        beacon_ack ack = replicas.beacon(msg);
        drain();
        return ack;
    }

    /**
     * Moves time past the grace period (4 s) with beacons from {@code beaconing} only, then runs the failure
     * detector's check: every other node is declared dead.
     */
    void silenceAllBut(HostPort... beaconing) {
        for (int second = 0; second < 5; second++) {
            clock.advanceMs(1000);
            for (HostPort node : beaconing) {
                beacon(node);
            }
        }
        cure.checkFailureDetector();
        drain();
    }

    configuration_create_app_response create(String name, int partitions, int replicas) {
        return create(name, partitions, replicas, Map.of(), false);
    }

    configuration_create_app_response create(
            String name, int partitions, int replicaCount, Map<String, String> envs, boolean successIfExist) {
        create_app_options options = new create_app_options();
        options.setPartition_count(partitions);
        options.setReplica_count(replicaCount);
        options.setApp_type("pegasus");
        options.setIs_stateful(true);
        options.setEnvs(new HashMap<>(envs));
        options.setSuccess_if_exist(successIfExist);
        configuration_create_app_response response =
                tables.createApp(new configuration_create_app_request(name, options));
        drain();
        return response;
    }

    /** A clock the test moves. */
    static final class ManualClock implements MetaClock {
        long ms = 1_000_000;
        long second = 1_700_000_000L;

        void advanceMs(long delta) {
            ms += delta;
            second += delta / 1000;
        }

        @Override
        public long nowMs() {
            return ms;
        }

        @Override
        public long nowSecond() {
            return second;
        }
    }

    /** An election the test scripts. */
    static final class ScriptedElection implements LeaderElection {
        LeaderFence fence;
        boolean leaseValid = true;
        HostPort otherLeader;
        final List<String> resignations = new ArrayList<>();

        @Override
        public boolean isLeading() {
            return fence != null && leaseValid;
        }

        @Override
        public Optional<LeaderFence> fence() {
            return isLeading() ? Optional.of(fence) : Optional.empty();
        }

        @Override
        public Optional<HostPort> leader() {
            return isLeading() ? Optional.of(SELF) : Optional.ofNullable(otherLeader);
        }

        @Override
        public void resign(String reason) {
            resignations.add(reason);
            fence = null;
        }
    }

    static Set<HostPort> nodes(HostPort... nodes) {
        return Set.of(nodes);
    }
}
