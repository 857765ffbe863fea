package io.enif.meta.server;

import io.enif.common.HostPort;
import io.enif.meta.fd.FailureDetector;
import io.enif.meta.guardian.GuardianBookkeeping;
import io.enif.meta.level.AutoFreezeTracker;
import io.enif.meta.level.MetaFunctionLevel;
import io.enif.meta.level.MetaLevelConfig;
import io.enif.meta.level.MetaLevelView;
import io.enif.meta.state.AppStatus;
import io.enif.meta.state.ClusterState;
import io.enif.meta.state.NodeState;
import io.enif.meta.state.NodeStates;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.TableState;
import io.enif.meta.store.LeaderFence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

/**
 * What the leader knows during one term, confined to the {@link MetaLane}: the tables and partitions (as persisted),
 * the failure detector, the guardian's bookkeeping and the configured level. Rebuilt from the store at every election,
 * never carried over from an earlier term.
 */
final class LeaderState {
    final LeaderFence fence;
    final FailureDetector fd;
    final AutoFreezeTracker freeze = new AutoFreezeTracker();
    /** Nodes whose replicas were reported by config sync since they last became alive. */
    final Set<HostPort> collected = new HashSet<>();
    /** Dead nodes whose downgrades wait for a level that allows partition writes. */
    final Set<HostPort> postponedDeaths = new LinkedHashSet<>();

    final List<ScheduledFuture<?>> timers = new ArrayList<>();
    /** Proposals sent lately, not to be sent again by the next cure pass a few milliseconds later. */
    final RecentProposals recentProposals = new RecentProposals();

    ClusterState cluster;
    GuardianBookkeeping book;
    MetaFunctionLevel configuredLevel;
    int nextAppId;
    boolean cureScheduled;

    LeaderState(
            LeaderFence fence,
            ClusterState cluster,
            FailureDetector fd,
            GuardianBookkeeping book,
            MetaFunctionLevel configuredLevel) {
        this.fence = fence;
        this.cluster = cluster;
        this.fd = fd;
        this.book = book;
        this.configuredLevel = configuredLevel;
        int maxId = 0;
        for (TableState table : cluster.allTables()) {
            maxId = Math.max(maxId, table.appId());
        }
        this.nextAppId = maxId + 1;
    }

    long epoch() {
        return fence.epoch();
    }

    /** The table named {@code name} that is not dropped, if any. */
    Optional<TableState> liveTable(String name) {
        for (TableState table : cluster.allTables()) {
            if (table.info().status() != AppStatus.AS_DROPPED
                    && table.info().appName().equals(name)) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }

    /** Node liveness as the guardian reads it: the failure detector's view plus the collected flags. */
    NodeStates nodeStates() {
        List<NodeState> states = new ArrayList<>();
        for (HostPort node : fd.workers()) {
            boolean alive = fd.isAlive(node);
            long since = fd.sinceMs(node).orElse(0L);
            states.add(new NodeState(node, alive, since, alive && collected.contains(node)));
        }
        return NodeStates.of(states.toArray(new NodeState[0]));
    }

    /** The configured and effective level, with the automatic freeze applied. */
    MetaLevelView levelView(MetaLevelConfig config) {
        return MetaLevelView.compute(
                configuredLevel, fd.aliveNodes().size(), fd.deadNodes().size(), config, false);
    }

    /** Registers every member of every partition with the failure detector, alive from {@code nowMs}. */
    void registerMembers(long nowMs) {
        for (TableState table : cluster.allTables()) {
            for (PartitionConfig pc : table.partitions()) {
                pc.members().forEach(node -> fd.registerWorker(node, nowMs));
            }
        }
    }

    void cancelTimers() {
        timers.forEach(t -> t.cancel(false));
        timers.clear();
    }
}
