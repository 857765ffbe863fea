package io.enif.meta.server;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.meta.fd.BeaconResult;
import io.enif.meta.fd.FailureDetector;
import io.enif.meta.guardian.DroppedReplica;
import io.enif.meta.level.MetaAction;
import io.enif.meta.state.AppStatus;
import io.enif.meta.state.ConfigType;
import io.enif.meta.state.ConfigUpdate;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.PartitionConfigChanges;
import io.enif.meta.state.PartitionConfigCodec;
import io.enif.meta.state.TableState;
import io.enif.meta.store.StoreBatch;
import io.enif.proto.base.rpc_address;
import io.enif.proto.fd.beacon_ack;
import io.enif.proto.fd.beacon_msg;
import io.enif.proto.replication.configuration_query_by_node_request;
import io.enif.proto.replication.configuration_query_by_node_response;
import io.enif.proto.replication.configuration_update_request;
import io.enif.proto.replication.configuration_update_response;
import io.enif.proto.replication.replica_info;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RPCs replica servers send the meta leader ({@code spec/ops-recovery-and-architecture.md} §6.5, §6.10, §6.11):
 * beacons, config sync and configuration updates.
 */
final class ReplicaFacing {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaFacing.class);

    private final MetaService service;
    private final CureLoop cure;

    ReplicaFacing(MetaService service, CureLoop cure) {
        this.service = service;
        this.cure = cure;
    }

    /**
     * A beacon. The leader acks it (and so extends the replica server's lease) only while its own leadership lease is
     * valid; a standby answers {@code is_master = false} naming the leader. Returns null for "no ack at all" (a node
     * kept dead after too many unstable restarts).
     */
    beacon_ack beacon(beacon_msg msg) {
        beacon_ack ack = new beacon_ack();
        ack.setTime(msg.getTime());
        ack.setThis_node(ThriftViews.address(service.self));
        ack.setHp_this_node(ThriftViews.hostPort(service.self));
        ack.setAllowed(true);
        Optional<LeaderState> acting = service.acting();
        HostPort node = ThriftViews.node(msg.getHp_from_node(), msg.getFrom_node());
        if (acting.isEmpty() || node == null) {
            ack.setIs_master(false);
            Optional<HostPort> leader = service.otherLeader();
            ack.setPrimary_node(leader.map(ThriftViews::address).orElse(rpc_address.none()));
            leader.ifPresent(l -> ack.setHp_primary_node(ThriftViews.hostPort(l)));
            return ack;
        }
        LeaderState state = acting.get();
        BeaconResult result = state.fd.onBeacon(
                node,
                msg.isSetStart_time() ? msg.getStart_time() : 0,
                msg.isSetTime() ? msg.getTime() : FailureDetector.UNKNOWN_TIME,
                service.nowMs());
        if (result.verdict() == BeaconResult.Verdict.IGNORED_UNSTABLE) {
            return null;
        }
        ack.setIs_master(true);
        ack.setPrimary_node(ThriftViews.address(service.self));
        ack.setHp_primary_node(ThriftViews.hostPort(service.self));
        ack.setAllowed(result.accepted());
        service.notifyBeaconAck(state, node);
        if (result.becameAlive()) {
            LOG.info("meta server {}: replica server {} is alive", service.self, node);
            state.postponedDeaths.remove(node);
            service.levelView(state);
            cure.requestCure(state);
        }
        return ack;
    }

    /**
     * Config sync: answers the partitions the node is a member of, records its other replicas as dropped candidates
     * (DDD info), marks it collected and lists replicas of expired dropped tables to delete (lively only).
     */
    configuration_query_by_node_response configSync(configuration_query_by_node_request request) {
        configuration_query_by_node_response response = new configuration_query_by_node_response();
        response.setPartitions(new ArrayList<>());
        Optional<LeaderState> acting = service.acting();
        if (acting.isEmpty()) {
            return response.setErr(ThriftViews.err(service.notActingError()));
        }
        LeaderState state = acting.get();
        HostPort node = ThriftViews.node(request.getHp_node(), request.getNode());
        if (node == null || !state.fd.isAlive(node)) {
            return response.setErr(ThriftViews.err(ErrorCode.ERR_OBJECT_NOT_FOUND));
        }
        Set<Gpid> members = new HashSet<>();
        for (TableState table : state.cluster.allTables()) {
            if (table.info().status() == AppStatus.AS_DROPPED) {
                continue;
            }
            for (PartitionConfig pc : table.partitions()) {
                if (pc.isMember(node)) {
                    members.add(pc.gpid());
                    response.getPartitions().add(ThriftViews.update(table.info(), pc, ConfigType.INVALID, node, node));
                }
            }
        }
        long sentMs = request.isSetSent_time_ms() ? request.getSent_time_ms() : FailureDetector.UNKNOWN_TIME;
        if (!state.fd.isReportFresh(node, sentMs)) {
            // Sent while the node may still have been changing the replicas it reports: answer, trust nothing.
            LOG.info("meta server {}: config sync from {} predates its last lease, not collected", service.self, node);
            return response.setErr(ThriftViews.err(ErrorCode.ERR_OK));
        }
        boolean gc = service.levelView(state).permission(MetaAction.GC_REPLICAS).proceeds();
        long nowSecond = service.nowSecond();
        if (request.getStored_replicas() != null) {
            for (replica_info replica : request.getStored_replicas()) {
                if (replica.getPid() == null
                        || members.contains(replica.getPid().toGpid())) {
                    continue;
                }
                Gpid gpid = replica.getPid().toGpid();
                Optional<TableState> table = state.cluster.table(gpid.appId());
                Optional<PartitionConfig> pc = state.cluster.partition(gpid);
                if (table.isEmpty() || pc.isEmpty()) {
                    LOG.error("meta server {}: {} reports replica {} of no known table", service.self, node, gpid);
                    continue;
                }
                if (table.get().info().status() == AppStatus.AS_DROPPED) {
                    if (gc && table.get().info().expiredAt(nowSecond)) {
                        response.addToGc_replicas(replica);
                    }
                    continue;
                }
                DroppedReplica info = new DroppedReplica(
                        node,
                        DroppedReplica.UNKNOWN_TIME,
                        replica.getBallot(),
                        replica.getLast_committed_decree(),
                        replica.getLast_prepared_decree());
                state.book = state.book.onReplicaCollected(info, pc.get(), service.config.guardian());
            }
        }
        state.collected.add(node);
        cure.requestCure(state);
        return response.setErr(ThriftViews.err(ErrorCode.ERR_OK));
    }

    /**
     * A replica's request to change its partition's configuration (§6.10): refused below steady ({@code
     * ERR_STATE_FREEZED}); a retry of the stored configuration is answered {@code ERR_OK}; anything but ballot + 1 is
     * {@code ERR_INVALID_VERSION}; the change must be the one its type describes. The stored configuration (with the
     * meta server's {@code last_drops}) is persisted, applied and returned, then the partition is cured again.
     */
    configuration_update_response updateConfiguration(configuration_update_request request) {
        configuration_update_response response = new configuration_update_response();
        Optional<LeaderState> acting = service.acting();
        if (acting.isEmpty()) {
            return response.setErr(ThriftViews.err(service.notActingError()));
        }
        LeaderState state = acting.get();
        PartitionConfig proposed;
        try {
            proposed = PartitionConfigCodec.fromThrift(request.getConfig());
        } catch (RuntimeException e) {
            return response.setErr(ThriftViews.err(ErrorCode.ERR_INVALID_PARAMETERS));
        }
        Optional<PartitionConfig> stored = state.cluster.partition(proposed.gpid());
        if (stored.isEmpty()) {
            return response.setErr(ThriftViews.err(ErrorCode.ERR_OBJECT_NOT_FOUND));
        }
        PartitionConfig current = stored.get();
        response.setConfig(ThriftViews.pc(current));
        if (!service.levelView(state)
                .permission(MetaAction.REPLICA_UPDATE_REQUEST)
                .proceeds()) {
            return response.setErr(ThriftViews.err(ErrorCode.ERR_STATE_FREEZED));
        }
        if (proposed.ballot() == current.ballot() && sameMembers(proposed, current)) {
            return response.setErr(ThriftViews.err(ErrorCode.ERR_OK));
        }
        if (proposed.ballot() != current.ballot() + 1) {
            return response.setErr(ThriftViews.err(ErrorCode.ERR_INVALID_VERSION));
        }
        HostPort node = ThriftViews.node(request.getHp_node(), request.getNode());
        ConfigType type;
        PartitionConfig expected;
        try {
            type = ConfigType.fromValue(
                    request.getType() == null ? 0 : request.getType().getValue());
            expected = PartitionConfigChanges.apply(current, type, node);
        } catch (RuntimeException e) {
            LOG.info("meta server {} refuses the update of {}: {}", service.self, current.gpid(), e.getMessage());
            return response.setErr(ThriftViews.err(ErrorCode.ERR_INVALID_PARAMETERS));
        }
        if (!sameMembers(expected, proposed)) {
            LOG.info(
                    "meta server {} refuses the update of {}: {} does not match {} of {}",
                    service.self,
                    current.gpid(),
                    proposed,
                    type.thriftName(),
                    node);
            return response.setErr(ThriftViews.err(ErrorCode.ERR_INVALID_PARAMETERS));
        }
        PartitionConfig next = expected.withLastCommittedDecree(
                Math.max(current.lastCommittedDecree(), proposed.lastCommittedDecree()));
        ErrorCode result = service.persist(
                state, StoreBatch.partition(next, type.thriftName() + " of " + node + " on " + next.gpid()));
        if (result != ErrorCode.ERR_OK) {
            return response.setErr(ThriftViews.err(result));
        }
        cure.applyPersisted(state, new ConfigUpdate(next, type, node));
        cure.curePartitionSoon(next.gpid());
        return response.setErr(ThriftViews.err(ErrorCode.ERR_OK)).setConfig(ThriftViews.pc(next));
    }

    private static boolean sameMembers(PartitionConfig a, PartitionConfig b) {
        return Objects.equals(a.primary(), b.primary())
                && new HashSet<>(a.secondaries()).equals(new HashSet<>(b.secondaries()));
    }
}
