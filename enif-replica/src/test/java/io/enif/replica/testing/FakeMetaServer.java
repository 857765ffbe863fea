package io.enif.replica.testing;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.proto.base.error_code;
import io.enif.proto.fd.beacon_ack;
import io.enif.proto.fd.beacon_msg;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.layer2.app_info;
import io.enif.proto.layer2.app_status;
import io.enif.proto.replication.configuration_query_by_node_request;
import io.enif.proto.replication.configuration_query_by_node_response;
import io.enif.proto.replication.configuration_update_request;
import io.enif.proto.replication.configuration_update_response;
import io.enif.proto.rpc.ReplicationRpcs;
import io.enif.replica.codec.Addresses;
import io.enif.replica.codec.ConfigurationCodec;
import io.enif.replication.ConfigType;
import io.enif.replication.PartitionConfiguration;
import io.enif.rpc.RpcClient;
import io.enif.rpc.RpcClientConfig;
import io.enif.rpc.RpcContext;
import io.enif.rpc.RpcDispatcher;
import io.enif.rpc.RpcRequest;
import io.enif.rpc.RpcServer;
import io.enif.rpc.RpcServerConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A small meta server on a real {@link RpcServer}, for testing replica servers until the real one is merged: it
 * acks beacons, answers config sync, persists configuration updates with the ballot + 1 rule (spec §6.10), declares
 * silent nodes dead (a dead primary is removed by the meta server itself, a dead secondary through a downgrade
 * proposal to the primary), and cures one table's partitions: assign a primary, add secondaries up to the replica
 * count, upgrade a secondary when the primary is gone.
 */
public final class FakeMetaServer implements AutoCloseable {
    /** A persisted change. */
    public record Change(ConfigType type, HostPort node, PartitionConfiguration config) {}

    private final app_info app;
    private final long graceMs;
    private final Map<Gpid, PartitionConfiguration> partitions = new ConcurrentHashMap<>();
    private final Map<HostPort, Long> lastBeaconMs = new ConcurrentHashMap<>();
    private final List<HostPort> joinOrder = new CopyOnWriteArrayList<>();
    private final List<Change> history = new CopyOnWriteArrayList<>();
    private final RpcClient client = new RpcClient(RpcClientConfig.defaults());
    private final ScheduledExecutorService cure = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-meta-cure");
        t.setDaemon(true);
        return t;
    });
    private volatile int minNodesToAssign;
    private volatile HostPort standbyOf;
    private volatile boolean beaconsPaused;
    private RpcServer server;

    /** A meta server for table {@code appId} of {@code partitionCount} partitions × {@code replicas}. */
    private final java.util.concurrent.atomic.AtomicInteger configSyncs =
            new java.util.concurrent.atomic.AtomicInteger();

    public FakeMetaServer(int appId, int partitionCount, int replicas, long graceMs) {
        this.app = new app_info()
                .setStatus(app_status.AS_AVAILABLE)
                .setApp_type("pegasus")
                .setApp_name("test")
                .setApp_id(appId)
                .setPartition_count(partitionCount)
                .setEnvs(new java.util.HashMap<>())
                .setIs_stateful(true)
                .setMax_replica_count(replicas);
        this.graceMs = graceMs;
        this.minNodesToAssign = replicas;
        for (int i = 0; i < partitionCount; i++) {
            Gpid gpid = new Gpid(appId, i);
            partitions.put(gpid, PartitionConfiguration.initial(gpid, replicas));
        }
    }

    public FakeMetaServer start() throws IOException {
        RpcDispatcher dispatcher = new RpcDispatcher()
                .register(ReplicationRpcs.RPC_FD_FAILURE_DETECTOR_PING.name(), beacon_msg::new, this::onBeacon)
                .register(
                        ReplicationRpcs.RPC_CM_CONFIG_SYNC.name(),
                        configuration_query_by_node_request::new,
                        this::onConfigSync)
                .register(
                        ReplicationRpcs.RPC_CM_UPDATE_PARTITION_CONFIGURATION.name(),
                        configuration_update_request::new,
                        this::onUpdate);
        server = new RpcServer(RpcServerConfig.of("127.0.0.1", 0), dispatcher).start();
        cure.scheduleWithFixedDelay(this::cureAll, 100, 100, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Makes this meta server a standby of {@code leader}: beacons are sent there, config sync is refused. */
    public FakeMetaServer standbyOf(HostPort leader) {
        standbyOf = leader;
        cure.shutdownNow();
        return this;
    }

    /** Stops (or resumes) answering beacons, as a meta server cut off from the replica servers. */
    public void pauseBeacons(boolean paused) {
        beaconsPaused = paused;
    }

    public HostPort address() {
        return server.address();
    }

    public app_info app() {
        return app;
    }

    /** The stored configuration of a partition. */
    public PartitionConfiguration config(Gpid gpid) {
        return partitions.get(gpid);
    }

    /** Every persisted change, oldest first. */
    public List<Change> history() {
        return List.copyOf(history);
    }

    /** Whether the node beaconed within the grace period. */
    public boolean isAlive(HostPort node) {
        Long last = lastBeaconMs.get(node);
        return last != null && System.currentTimeMillis() - last <= graceMs;
    }

    // ---- RPCs ----

    private void onBeacon(RpcContext ctx, beacon_msg msg) {
        if (beaconsPaused) {
            ctx.noReply();
            return;
        }
        HostPort leader = standbyOf;
        if (leader != null) {
            ctx.reply(new beacon_ack()
                    .setTime(msg.getTime())
                    .setThis_node(Addresses.address(address()))
                    .setPrimary_node(Addresses.address(leader))
                    .setHp_primary_node(Addresses.hostPort(leader))
                    .setIs_master(false)
                    .setAllowed(true));
            return;
        }
        HostPort node = Addresses.node(msg.getHp_from_node(), msg.getFrom_node());
        if (node != null) {
            lastBeaconMs.put(node, System.currentTimeMillis());
            if (!joinOrder.contains(node)) {
                joinOrder.add(node);
            }
        }
        ctx.reply(new beacon_ack()
                .setTime(msg.getTime())
                .setThis_node(Addresses.address(address()))
                .setHp_this_node(Addresses.hostPort(address()))
                .setPrimary_node(Addresses.address(address()))
                .setHp_primary_node(Addresses.hostPort(address()))
                .setIs_master(true)
                .setAllowed(true));
    }

    /** How many config syncs this meta server has been sent. */
    public int configSyncCount() {
        return configSyncs.get();
    }

    private void onConfigSync(RpcContext ctx, configuration_query_by_node_request request) {
        configSyncs.incrementAndGet();
        if (standbyOf != null) {
            ctx.reply(new configuration_query_by_node_response()
                    .setErr(error_code.of(ErrorCode.ERR_FORWARD_TO_OTHERS))
                    .setPartitions(new ArrayList<>()));
            return;
        }
        HostPort node = Addresses.node(request.getHp_node(), request.getNode());
        List<configuration_update_request> listed = new ArrayList<>();
        for (PartitionConfiguration pc : partitions.values()) {
            if (node != null && pc.isMember(node)) {
                listed.add(proposal(ConfigType.CT_INVALID, node, pc));
            }
        }
        ctx.reply(new configuration_query_by_node_response()
                .setErr(error_code.of(ErrorCode.ERR_OK))
                .setPartitions(listed));
    }

    private synchronized void onUpdate(RpcContext ctx, configuration_update_request request) {
        PartitionConfiguration proposed = ConfigurationCodec.fromThrift(request.getConfig());
        PartitionConfiguration current = partitions.get(proposed.gpid());
        configuration_update_response response = new configuration_update_response();
        if (current == null) {
            ctx.reply(response.setErr(error_code.of(ErrorCode.ERR_OBJECT_NOT_FOUND)));
            return;
        }
        ErrorCode error;
        if (proposed.ballot() == current.ballot() && sameMembers(proposed, current)) {
            error = ErrorCode.ERR_OK;
        } else if (proposed.ballot() != current.ballot() + 1) {
            error = ErrorCode.ERR_INVALID_VERSION;
        } else {
            persist(
                    ConfigurationCodec.type(request.getType()),
                    Addresses.node(request.getHp_node(), request.getNode()),
                    proposed);
            error = ErrorCode.ERR_OK;
        }
        ctx.reply(response.setErr(error_code.of(error))
                .setConfig(ConfigurationCodec.toThrift(partitions.get(proposed.gpid()))));
    }

    private void persist(ConfigType type, HostPort node, PartitionConfiguration config) {
        partitions.put(config.gpid(), config);
        history.add(new Change(type, node, config));
    }

    // ---- cure ----

    private synchronized void cureAll() {
        List<HostPort> alive = joinOrder.stream().filter(this::isAlive).toList();
        for (PartitionConfiguration pc : new ArrayList<>(partitions.values())) {
            // node death: the meta server removes a dead primary itself, asks the primary to drop a dead secondary
            if (pc.primary() != null && !alive.contains(pc.primary()) && lastBeaconMs.containsKey(pc.primary())) {
                persist(
                        ConfigType.CT_DOWNGRADE_TO_INACTIVE,
                        pc.primary(),
                        pc.next(null, pc.secondaries(), pc.lastCommittedDecree()));
                continue;
            }
            if (pc.primary() == null) {
                HostPort candidate = pc.secondaries().stream()
                        .filter(alive::contains)
                        .findFirst()
                        .orElse(null);
                if (candidate != null) {
                    propose(candidate, ConfigType.CT_UPGRADE_TO_PRIMARY, candidate, pc);
                } else if (pc.ballot() == 0 && alive.size() >= minNodesToAssign) {
                    HostPort first = alive.get(pc.gpid().partitionIndex() % alive.size());
                    propose(first, ConfigType.CT_ASSIGN_PRIMARY, first, pc);
                }
                continue;
            }
            for (HostPort s : pc.secondaries()) {
                if (!alive.contains(s)) {
                    propose(pc.primary(), ConfigType.CT_DOWNGRADE_TO_INACTIVE, s, pc);
                }
            }
            if (pc.members().size() < pc.maxReplicaCount()) {
                Set<HostPort> members = new HashSet<>(pc.members());
                alive.stream()
                        .filter(n -> !members.contains(n))
                        .findFirst()
                        .ifPresent(n -> propose(pc.primary(), ConfigType.CT_ADD_SECONDARY, n, pc));
            }
        }
    }

    private void propose(HostPort target, ConfigType type, HostPort node, PartitionConfiguration pc) {
        client.send(
                target,
                new RpcRequest(
                        ReplicationRpcs.RPC_CONFIG_PROPOSAL.name(),
                        pc.gpid(),
                        0,
                        false,
                        ArgsField.struct(proposal(type, node, pc)),
                        Duration.ofSeconds(1)));
    }

    private configuration_update_request proposal(ConfigType type, HostPort node, PartitionConfiguration pc) {
        return new configuration_update_request()
                .setInfo(app)
                .setConfig(ConfigurationCodec.toThrift(pc))
                .setType(ConfigurationCodec.type(type))
                .setNode(Addresses.address(node))
                .setHp_node(Addresses.hostPort(node))
                .setHost_node(Addresses.address(node));
    }

    private static boolean sameMembers(PartitionConfiguration a, PartitionConfiguration b) {
        return Objects.equals(a.primary(), b.primary())
                && new HashSet<>(a.secondaries()).equals(new HashSet<>(b.secondaries()));
    }

    @Override
    public void close() {
        cure.shutdownNow();
        if (server != null) {
            server.close();
        }
        client.close();
    }
}
