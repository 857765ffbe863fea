package io.enif.test.sim;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.meta.fd.BeaconResult;
import io.enif.meta.fd.FailureDetector;
import io.enif.meta.fd.FailureDetectorConfig;
import io.enif.meta.fd.FdTransitions;
import io.enif.meta.guardian.CureResult;
import io.enif.meta.guardian.DroppedReplica;
import io.enif.meta.guardian.GuardianBookkeeping;
import io.enif.meta.guardian.GuardianConfig;
import io.enif.meta.guardian.NodeDeathPlan;
import io.enif.meta.guardian.NodeDeathPlanner;
import io.enif.meta.guardian.PartitionGuardian;
import io.enif.meta.state.ClusterState;
import io.enif.meta.state.ConfigProposal;
import io.enif.meta.state.ConfigType;
import io.enif.meta.state.ConfigUpdate;
import io.enif.meta.state.NodeState;
import io.enif.meta.state.NodeStates;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.PartitionConfigChanges;
import io.enif.meta.state.TableInfo;
import io.enif.meta.state.TableState;
import io.enif.replication.PartitionConfiguration;
import io.enif.replication.ready.Ready;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The meta leader's decisions in the simulation, driven through a thin adapter around enif-meta's pure pieces: the
 * {@link FailureDetector} (beacons, grace), the {@link NodeDeathPlanner} (a dead node's primaries are removed), the
 * {@link PartitionGuardian} (cure) and {@link PartitionConfigChanges} (what a configuration update must look like).
 * Persistence is immediate (ZooKeeper is not simulated); the update checks are those of the real server's {@code
 * ReplicaFacing.updateConfiguration}.
 */
final class SimMeta {
    static final HostPort ADDRESS = new HostPort("meta", 34601);
    static final int APP_ID = 1;

    private final SimClock clock;
    private final SimNetwork network;
    private final SimConfig config;
    private final SimTrace trace;
    private final FailureDetector fd;
    private final GuardianConfig guardian;
    private ClusterState cluster;
    private GuardianBookkeeping book;
    private final Set<HostPort> collected = new HashSet<>();
    /** Every ballot this meta server persisted, per partition, for the "ballots only grow" check. */
    private final Map<Gpid, Long> lastBallot = new HashMap<>();

    SimMeta(SimClock clock, SimNetwork network, SimConfig config, SimTrace trace) {
        this.clock = clock;
        this.network = network;
        this.config = config;
        this.trace = trace;
        this.fd = new FailureDetector(FailureDetectorConfig.defaults()
                .withTimers(config.beaconMs(), config.checkMs(), config.leaseMs(), config.graceMs())
                .withStability(0, 5));
        this.guardian = GuardianConfig.defaults().withAssignDelayMs(config.assignDelayMs());
        this.cluster = ClusterState.of(
                TableState.created(TableInfo.available(APP_ID, "temp", config.partitions(), config.replicaCount(), 0)));
        this.book = GuardianBookkeeping.seed(cluster, clock.nowMs(), guardian);
        network.register(ADDRESS, this::receive);
    }

    /** Starts the failure detector's checks and the cure loop. */
    void start() {
        every(config.checkMs(), this::checkFailureDetector);
        every(config.lbIntervalMs(), this::cure);
    }

    private void every(long localMs, Runnable action) {
        clock.after(localMs, () -> {
            action.run();
            every(localMs, action);
        });
    }

    /** The stored configuration of a partition, as the core sees it. */
    PartitionConfiguration stored(Gpid gpid) {
        return SimCodec.toCore(cluster.partition(gpid).orElseThrow());
    }

    /**
     * The operator's {@code ddd_diagnose} (DESIGN §10: the guardian never picks a primary for a partition whose every
     * member is gone when that could lose committed data; an operator does): for each partition without members, a
     * careful operator considers the alive, collected candidates whose log reaches every decree any of them committed
     * (prepared ≥ the largest committed), and assigns the primary to the one with the highest ballot (its log is the
     * newest configuration's), then the most prepared. Returns how many partitions it acted on.
     */
    int operatorDddDiagnose() {
        int acted = 0;
        for (TableState table : cluster.allTables()) {
            for (PartitionConfig pc : table.partitions()) {
                if (pc.hasPrimary()
                        || !pc.secondaries().isEmpty()
                        || pc.lastDrops().isEmpty()) {
                    continue;
                }
                List<DroppedReplica> candidates = new ArrayList<>();
                long maxCommitted = Long.MIN_VALUE;
                for (DroppedReplica d : book.context(pc.gpid()).dropped()) {
                    if (fd.isAlive(d.node()) && collected.contains(d.node()) && d.ballot() >= 0) {
                        candidates.add(d);
                        maxCommitted = Math.max(maxCommitted, d.lastCommittedDecree());
                    }
                }
                DroppedReplica best = null;
                for (DroppedReplica d : candidates) {
                    if (d.lastPreparedDecree() >= maxCommitted && (best == null || newer(d, best))) {
                        best = d;
                    }
                }
                if (best != null) {
                    DroppedReplica chosen = best;
                    trace.log(
                            pc.gpid(),
                            "meta",
                            () -> "operator's ddd_diagnose chooses " + chosen + " among "
                                    + book.context(pc.gpid()).dropped());
                    send(ConfigProposal.assignPrimary(pc.gpid(), best.node()));
                    acted++;
                }
            }
        }
        return acted;
    }

    private static boolean newer(DroppedReplica a, DroppedReplica b) {
        if (a.ballot() != b.ballot()) {
            return a.ballot() > b.ballot();
        }
        if (a.lastPreparedDecree() != b.lastPreparedDecree()) {
            return a.lastPreparedDecree() > b.lastPreparedDecree();
        }
        return a.lastCommittedDecree() > b.lastCommittedDecree();
    }

    /** The meta server's view of a partition, for failure reports. */
    String describe(Gpid gpid) {
        return cluster.partition(gpid).orElseThrow() + "; guardian " + book.context(gpid) + "; nodes " + nodeStates();
    }

    /** Whether the failure detector counts {@code node} alive. */
    boolean isAlive(HostPort node) {
        return fd.isAlive(node);
    }

    private void receive(HostPort from, Object payload) {
        if (payload instanceof SimMessages.Beacon b) {
            BeaconResult result = fd.onBeacon(from, b.startTimeMs(), b.sentMs(), clock.nowMs());
            if (result.verdict() != BeaconResult.Verdict.IGNORED_UNSTABLE) {
                network.send(ADDRESS, from, new SimMessages.BeaconAck(b.sentMs(), result.accepted()));
            }
            if (result.becameAlive()) {
                cure();
            }
        } else if (payload instanceof SimMessages.UpdateRequest u) {
            network.send(ADDRESS, from, update(u.gpid(), u.update()));
        } else if (payload instanceof SimMessages.QueryConfig q) {
            network.send(ADDRESS, from, new SimMessages.QueryConfigReply(q.gpid(), stored(q.gpid())));
        } else if (payload instanceof SimMessages.ConfigSync sync) {
            network.send(ADDRESS, from, configSync(from, sync));
        }
    }

    private SimMessages.ConfigSyncReply configSync(HostPort node, SimMessages.ConfigSync sync) {
        if (!fd.isAlive(node)) {
            return new SimMessages.ConfigSyncReply(false, List.of());
        }
        List<PartitionConfiguration> memberOf = new ArrayList<>();
        for (PartitionConfig pc : cluster.partitionsOf(node)) {
            memberOf.add(SimCodec.toCore(pc));
        }
        if (!fd.isReportFresh(node, sync.sentMs())) {
            trace.log(node, () -> "meta: config sync sent at " + sync.sentMs() + " predates the node's last lease");
            return new SimMessages.ConfigSyncReply(true, memberOf);
        }
        for (SimMessages.StoredReplica r : sync.stored()) {
            PartitionConfig pc = cluster.partition(r.gpid()).orElseThrow();
            if (!pc.isMember(node)) {
                trace.log(r.gpid(), "meta", () -> "collected from " + node + ": " + r);
                book = book.onReplicaCollected(
                        new DroppedReplica(
                                node,
                                DroppedReplica.UNKNOWN_TIME,
                                r.ballot(),
                                r.lastCommittedDecree(),
                                r.lastPreparedDecree()),
                        pc,
                        guardian);
            }
        }
        if (collected.add(node)) {
            cure();
        }
        return new SimMessages.ConfigSyncReply(true, memberOf);
    }

    /** {@code RPC_CM_UPDATE_PARTITION_CONFIGURATION}, with the real server's checks. */
    private SimMessages.UpdateReply update(Gpid gpid, Ready.UpdateConfiguration request) {
        PartitionConfig current = cluster.partition(gpid).orElseThrow();
        PartitionConfig proposed = SimCodec.toMeta(request.config());
        if (proposed.ballot() == current.ballot() && sameMembers(proposed, current)) {
            return reply(gpid, ErrorCode.ERR_OK, current);
        }
        if (proposed.ballot() != current.ballot() + 1) {
            return reply(gpid, ErrorCode.ERR_INVALID_VERSION, current);
        }
        ConfigType type = SimCodec.toMeta(request.type());
        PartitionConfig expected;
        try {
            expected = PartitionConfigChanges.apply(current, type, request.node());
        } catch (IllegalArgumentException e) {
            return reply(gpid, ErrorCode.ERR_INVALID_PARAMETERS, current);
        }
        if (!sameMembers(expected, proposed)) {
            return reply(gpid, ErrorCode.ERR_INVALID_PARAMETERS, current);
        }
        PartitionConfig next = expected.withLastCommittedDecree(
                Math.max(current.lastCommittedDecree(), proposed.lastCommittedDecree()));
        persist(new ConfigUpdate(next, type, request.node()));
        clock.after(0, () -> curePartition(gpid));
        return reply(gpid, ErrorCode.ERR_OK, next);
    }

    private SimMessages.UpdateReply reply(Gpid gpid, ErrorCode error, PartitionConfig pc) {
        return new SimMessages.UpdateReply(gpid, error, SimCodec.toCore(pc));
    }

    private void persist(ConfigUpdate update) {
        PartitionConfig pc = update.config();
        long previous = lastBallot.getOrDefault(pc.gpid(), 0L);
        if (pc.ballot() != previous + 1) {
            throw new SimViolation("ballots only grow: meta persisted ballot " + pc.ballot() + " of " + pc.gpid()
                    + " after " + previous);
        }
        lastBallot.put(pc.gpid(), pc.ballot());
        trace.log(pc.gpid(), "meta", () -> update.type() + " " + update.node() + " -> " + pc);
        cluster = cluster.withPartition(pc);
        book = book.onConfigApplied(update, clock.nowMs(), guardian);
        if (update.type().addsNode()) {
            fd.registerWorker(update.node(), clock.nowMs());
        }
    }

    private void checkFailureDetector() {
        FdTransitions transitions = fd.check(clock.nowMs());
        for (HostPort node : transitions.becameDead()) {
            collected.remove(node);
            NodeDeathPlan plan = NodeDeathPlanner.onNodeDead(cluster, book, node);
            plan.updates().forEach(this::persist);
            plan.proposals().forEach(this::send);
            plan.updates().forEach(u -> curePartition(u.config().gpid()));
        }
        if (!transitions.becameAlive().isEmpty()) {
            cure();
        }
    }

    private void cure() {
        CureResult result = PartitionGuardian.cure(cluster, nodeStates(), book, guardian, clock.nowMs());
        book = result.bookkeeping();
        result.proposals().forEach(this::send);
    }

    private void curePartition(Gpid gpid) {
        CureResult result = PartitionGuardian.curePartition(cluster, nodeStates(), book, guardian, clock.nowMs(), gpid);
        book = result.bookkeeping();
        result.proposals().forEach(this::send);
    }

    private NodeStates nodeStates() {
        List<NodeState> states = new ArrayList<>();
        for (HostPort node : fd.workers()) {
            boolean alive = fd.isAlive(node);
            long since = fd.sinceMs(node).orElse(0L);
            states.add(new NodeState(node, alive, since, alive && collected.contains(node)));
        }
        return NodeStates.of(states.toArray(new NodeState[0]));
    }

    private void send(ConfigProposal p) {
        PartitionConfig pc = cluster.partition(p.gpid()).orElseThrow();
        network.send(
                ADDRESS,
                p.target(),
                new SimMessages.ToNode(
                        p.gpid(), new SimMessages.Proposal(SimCodec.toCore(p.type()), p.node(), SimCodec.toCore(pc))));
    }

    /** Registers the replica servers as the leader does for the members it loads. */
    void registerNodes(List<HostPort> nodes) {
        nodes.forEach(n -> fd.registerWorker(n, clock.nowMs()));
    }

    private static boolean sameMembers(PartitionConfig a, PartitionConfig b) {
        return Objects.equals(a.primary(), b.primary())
                && new HashSet<>(a.secondaries()).equals(new HashSet<>(b.secondaries()));
    }
}
