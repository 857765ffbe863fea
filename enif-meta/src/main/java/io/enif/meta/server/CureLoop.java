package io.enif.meta.server;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.meta.fd.FdTransitions;
import io.enif.meta.guardian.CureResult;
import io.enif.meta.guardian.NodeDeathPlan;
import io.enif.meta.guardian.NodeDeathPlanner;
import io.enif.meta.guardian.PartitionGuardian;
import io.enif.meta.level.MetaAction;
import io.enif.meta.level.MetaLevelView;
import io.enif.meta.level.Permission;
import io.enif.meta.state.ConfigProposal;
import io.enif.meta.state.ConfigUpdate;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.TableState;
import io.enif.meta.store.StoreBatch;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's periodic work and its reactions to liveness changes, on the lane:
 *
 * <ul>
 *   <li>every {@code fd_check_interval_seconds}: the failure detector's check; a dead node's primaries are downgraded
 *       by the meta server itself (persisted even at freezed, postponed at blind and below), its secondaries by
 *       proposals to their primaries ({@link NodeDeathPlanner});
 *   <li>every {@code lb_interval_ms}, right after each configuration change (for that partition) and soon after a node
 *       comes back or reports its replicas: the guardian ({@link PartitionGuardian}), when the effective level allows
 *       cure; its proposals go to the replica servers.
 * </ul>
 */
final class CureLoop {
    private static final Logger LOG = LoggerFactory.getLogger(CureLoop.class);

    private final MetaService service;
    private final ProposalSink proposals;

    /** Told each time the failure detector declares a replica server dead (the metrics count it). */
    private volatile Runnable disconnections = () -> {};

    /** Sets what hears about each replica server the failure detector declares dead. */
    void onDisconnection(Runnable listener) {
        this.disconnections = listener;
    }

    CureLoop(MetaService service, ProposalSink proposals) {
        this.service = service;
        this.proposals = proposals;
    }

    /** Starts the timers of a new term (called on the lane when the state is loaded). */
    void startTimers(LeaderState state) {
        long checkMs = service.config.fd().checkIntervalMs();
        state.timers.add(service.lane.every(checkMs, this::checkFailureDetector));
        state.timers.add(service.lane.every(service.config.lbInterval().toMillis(), this::cure));
        requestCure(state);
    }

    /** Runs a full cure pass soon, once, however often it is asked for meanwhile. */
    void requestCure(LeaderState state) {
        if (state.cureScheduled) {
            return;
        }
        state.cureScheduled = true;
        service.lane.execute(this::cure);
    }

    void checkFailureDetector() {
        Optional<LeaderState> acting = service.acting();
        if (acting.isEmpty()) {
            return;
        }
        LeaderState state = acting.get();
        FdTransitions transitions = state.fd.check(service.nowMs());
        for (HostPort node : transitions.becameDead()) {
            disconnections.run();
            state.collected.remove(node);
            LOG.warn("meta server {}: replica server {} is dead", service.self, node);
            state.postponedDeaths.add(node);
        }
        transitions
                .becameAlive()
                .forEach(node -> LOG.info("meta server {}: replica server {} is alive", service.self, node));
        service.levelView(state);
        handlePostponedDeaths(state);
        if (!transitions.becameAlive().isEmpty()) {
            requestCure(state);
        }
    }

    private void handlePostponedDeaths(LeaderState state) {
        if (state.postponedDeaths.isEmpty()
                || service.levelView(state).permission(MetaAction.PERSIST_PARTITION_CONFIG) == Permission.POSTPONED) {
            return;
        }
        for (HostPort node : List.copyOf(state.postponedDeaths)) {
            if (state.fd.isAlive(node)) {
                state.postponedDeaths.remove(node);
                continue;
            }
            NodeDeathPlan plan = NodeDeathPlanner.onNodeDead(state.cluster, state.book, node);
            if (!plan.updates().isEmpty()) {
                List<PartitionConfig> configs =
                        plan.updates().stream().map(ConfigUpdate::config).toList();
                ErrorCode result = service.persist(
                        state, StoreBatch.partitions(configs, "downgrade the primaries of dead node " + node));
                if (result != ErrorCode.ERR_OK) {
                    return;
                }
                plan.updates().forEach(update -> applyPersisted(state, update));
            }
            state.postponedDeaths.remove(node);
            plan.proposals().forEach(p -> send(state, p));
            plan.updates()
                    .forEach(update -> curePartition(state, update.config().gpid()));
        }
    }

    /** Applies a persisted change in memory and updates the guardian's bookkeeping. */
    void applyPersisted(LeaderState state, ConfigUpdate update) {
        state.cluster = state.cluster.withPartition(update.config());
        state.book = state.book.onConfigApplied(update, service.nowMs(), service.config.guardian());
        if (update.type().addsNode()) {
            state.fd.registerWorker(update.node(), service.nowMs());
        }
    }

    /** A full cure pass, if this server acts as leader and the level allows it. */
    void cure() {
        Optional<LeaderState> acting = service.acting();
        if (acting.isEmpty()) {
            return;
        }
        LeaderState state = acting.get();
        state.cureScheduled = false;
        handlePostponedDeaths(state);
        MetaLevelView view = service.levelView(state);
        if (!view.permission(MetaAction.CURE).proceeds()) {
            return;
        }
        CureResult result = PartitionGuardian.cure(
                state.cluster, state.nodeStates(), state.book, service.config.guardian(), service.nowMs());
        state.book = result.bookkeeping();
        result.proposals().forEach(p -> send(state, p));
    }

    /** Cures one partition right after its configuration changed. */
    void curePartition(LeaderState state, Gpid gpid) {
        if (!service.levelView(state).permission(MetaAction.CURE).proceeds()) {
            return;
        }
        CureResult result = PartitionGuardian.curePartition(
                state.cluster, state.nodeStates(), state.book, service.config.guardian(), service.nowMs(), gpid);
        state.book = result.bookkeeping();
        result.proposals().forEach(p -> send(state, p));
    }

    /** Cures one partition after the current lane task (so that a reply goes out before the next proposal). */
    void curePartitionSoon(Gpid gpid) {
        service.lane.execute(() -> service.acting().ifPresent(state -> curePartition(state, gpid)));
    }

    private void send(LeaderState state, ConfigProposal proposal) {
        Optional<TableState> table = state.cluster.table(proposal.gpid().appId());
        Optional<PartitionConfig> pc = state.cluster.partition(proposal.gpid());
        if (table.isEmpty() || pc.isEmpty()) {
            return;
        }
        long window = service.config.lbInterval().toMillis() / 2;
        if (state.recentProposals.isRepeat(proposal, pc.get().ballot(), service.nowMs(), window)) {
            LOG.debug("meta server {}: {} was sent less than {} ms ago", service.self, proposal, window);
            return;
        }
        LOG.info(
                "meta server {} proposes {} (ballot {})",
                service.self,
                proposal,
                pc.get().ballot());
        proposals.send(
                proposal.target(),
                ThriftViews.update(table.get().info(), pc.get(), proposal.type(), proposal.node(), proposal.target()));
    }
}
