package io.enif.test.minicluster;

import io.enif.common.HostPort;
import io.enif.meta.state.ConfigType;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.PartitionConfigChanges;
import io.enif.meta.state.PartitionConfigCodec;
import io.enif.proto.base.host_port;
import io.enif.proto.base.rpc_address;
import io.enif.proto.fd.beacon_ack;
import io.enif.proto.fd.beacon_msg;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.replication.config_type;
import io.enif.proto.replication.configuration_query_by_node_request;
import io.enif.proto.replication.configuration_query_by_node_response;
import io.enif.proto.replication.configuration_update_request;
import io.enif.proto.replication.configuration_update_response;
import io.enif.proto.rpc.ReplicationRpcs;
import io.enif.rpc.RpcClient;
import io.enif.rpc.RpcClientConfig;
import io.enif.rpc.RpcDispatcher;
import io.enif.rpc.RpcRequest;
import io.enif.rpc.RpcServer;
import io.enif.rpc.RpcServerConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scripted replica server for meta-server tests: it beacons the meta leader (following {@code is_master} hints),
 * config-syncs once per leader, and carries out every proposal at once by asking the meta server for the resulting
 * configuration (ASSIGN_PRIMARY, UPGRADE_TO_PRIMARY, ADD_SECONDARY as if the learner had caught up, REMOVE and
 * DOWNGRADE_TO_INACTIVE). It stores no data and runs no PacificA; the real replica server replaces it.
 */
public final class FakeReplicaServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FakeReplicaServer.class);

    private final List<HostPort> metas;
    private final long beaconMs;
    private final RpcClient client = new RpcClient(RpcClientConfig.defaults());
    private final RpcServer server;
    private final ScheduledExecutorService timer;
    private final HostPort self;
    private final long startTime = System.currentTimeMillis();
    private final AtomicInteger target = new AtomicInteger();
    private final List<configuration_update_request> proposals = new CopyOnWriteArrayList<>();
    private volatile HostPort syncedWith;
    private volatile HostPort master;

    /** Starts a replica server on {@code 127.0.0.1:0} that beacons {@code metas} every {@code beaconInterval}. */
    public FakeReplicaServer(List<HostPort> metas, Duration beaconInterval) throws IOException {
        this.metas = List.copyOf(metas);
        this.beaconMs = beaconInterval.toMillis();
        RpcDispatcher dispatcher = new RpcDispatcher();
        dispatcher.register(
                ReplicationRpcs.RPC_CONFIG_PROPOSAL.name(), configuration_update_request::new, (context, request) -> {
                    context.noReply();
                    onProposal(request);
                });
        server = new RpcServer(RpcServerConfig.of("127.0.0.1", 0).withThreads(1, 1), dispatcher).start();
        self = new HostPort("127.0.0.1", server.port());
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "fake-replica-" + self.port());
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::beacon, 0, beaconMs, TimeUnit.MILLISECONDS);
    }

    public HostPort address() {
        return self;
    }

    /** The meta server that last acked a beacon as leader, if any. */
    public HostPort master() {
        return master;
    }

    /** Every proposal received, in order. */
    public List<configuration_update_request> proposals() {
        return new ArrayList<>(proposals);
    }

    private void beacon() {
        HostPort meta = metas.get(Math.floorMod(target.get(), metas.size()));
        beacon_msg msg = new beacon_msg();
        msg.setTime(System.currentTimeMillis());
        msg.setFrom_node(rpc_address.fromHostPort(self));
        msg.setHp_from_node(host_port.of(self));
        msg.setTo_node(rpc_address.fromHostPort(meta));
        msg.setHp_to_node(host_port.of(meta));
        msg.setStart_time(startTime);
        RpcRequest request = RpcRequest.of(
                ReplicationRpcs.RPC_FD_FAILURE_DETECTOR_PING.name(),
                ArgsField.struct(msg),
                Duration.ofMillis(Math.max(200, beaconMs * 2 / 3)));
        client.call(meta, request, beacon_ack::new).whenComplete((ack, error) -> {
            if (error != null) {
                master = null;
                target.incrementAndGet();
            } else if (ack.isIs_master()) {
                master = meta;
                if (!meta.equals(syncedWith)) {
                    syncedWith = meta;
                    configSync(meta);
                }
            } else {
                master = null;
                HostPort hint =
                        ack.isSetHp_primary_node() && ack.getHp_primary_node().isValid()
                                ? ack.getHp_primary_node().toHostPort()
                                : null;
                int index = hint == null ? -1 : metas.indexOf(hint);
                if (index >= 0) {
                    target.set(index);
                } else {
                    target.incrementAndGet();
                }
            }
        });
    }

    private void configSync(HostPort meta) {
        configuration_query_by_node_request request = new configuration_query_by_node_request();
        request.setNode(rpc_address.fromHostPort(self));
        request.setHp_node(host_port.of(self));
        request.setStored_replicas(new ArrayList<>());
        client.call(
                        meta,
                        RpcRequest.of(
                                ReplicationRpcs.RPC_CM_CONFIG_SYNC.name(),
                                ArgsField.struct(request),
                                Duration.ofSeconds(2)),
                        configuration_query_by_node_response::new)
                .whenComplete((response, error) -> {
                    if (error != null) {
                        syncedWith = null;
                    }
                });
    }

    private void onProposal(configuration_update_request proposal) {
        proposals.add(proposal);
        HostPort meta = master;
        if (meta == null || proposal.getType() == null) {
            return;
        }
        PartitionConfig current = PartitionConfigCodec.fromThrift(proposal.getConfig());
        HostPort node = proposal.isSetHp_node() ? proposal.getHp_node().toHostPort() : null;
        ConfigType type = ConfigType.fromValue(proposal.getType().getValue());
        ConfigType applied = type == ConfigType.ADD_SECONDARY || type == ConfigType.ADD_SECONDARY_FOR_LB
                ? ConfigType.UPGRADE_TO_SECONDARY
                : type;
        PartitionConfig next;
        try {
            next = PartitionConfigChanges.apply(current, applied, node);
        } catch (IllegalArgumentException e) {
            LOG.debug("fake replica {} ignores {}: {}", self, type, e.getMessage());
            return;
        }
        configuration_update_request update = new configuration_update_request();
        update.setInfo(proposal.getInfo());
        update.setConfig(PartitionConfigCodec.toThrift(next));
        update.setType(config_type.findByValue(applied.value()));
        update.setNode(rpc_address.fromHostPort(node));
        update.setHp_node(host_port.of(node));
        update.setHost_node(rpc_address.fromHostPort(self));
        client.call(
                meta,
                RpcRequest.of(
                                ReplicationRpcs.RPC_CM_UPDATE_PARTITION_CONFIGURATION.name(),
                                ArgsField.struct(update),
                                Duration.ofSeconds(2))
                        .toPartition(next.gpid(), 0),
                configuration_update_response::new);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        server.close();
        client.close();
    }
}
