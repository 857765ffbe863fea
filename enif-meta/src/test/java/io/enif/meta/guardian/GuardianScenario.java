package io.enif.meta.guardian;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.meta.state.ClusterState;
import io.enif.meta.state.NodeState;
import io.enif.meta.state.NodeStates;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.TableInfo;
import io.enif.meta.state.TableState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small builder of guardian inputs, so each test reads as a scenario: the partitions, who is alive, what the
 * guardian remembers, the time; then {@link #cure()}.
 */
final class GuardianScenario {
    static final long NOW = 10_000_000;

    private final Map<Integer, List<PartitionConfig>> partitions = new TreeMap<>();
    private NodeStates nodes = NodeStates.empty();
    private GuardianBookkeeping book = GuardianBookkeeping.EMPTY;
    private GuardianConfig config = GuardianConfig.defaults();
    private long now = NOW;

    /** Adds partitions; each table's partitions must be given in index order, 0 first. */
    GuardianScenario partitions(PartitionConfig... pcs) {
        for (PartitionConfig pc : pcs) {
            partitions
                    .computeIfAbsent(pc.gpid().appId(), id -> new ArrayList<>())
                    .add(pc);
        }
        return this;
    }

    GuardianScenario alive(HostPort... alive) {
        for (HostPort node : alive) {
            nodes = nodes.with(NodeState.aliveSince(node, 0).collected());
        }
        return this;
    }

    /** Alive nodes that have not reported their replicas since they came back. */
    GuardianScenario aliveNotCollected(HostPort... alive) {
        for (HostPort node : alive) {
            nodes = nodes.with(NodeState.aliveSince(node, 0));
        }
        return this;
    }

    GuardianScenario dead(HostPort... dead) {
        for (HostPort node : dead) {
            nodes = nodes.with(NodeState.deadSince(node, 0));
        }
        return this;
    }

    /** The guardian remembers that {@code node} was removed from {@code gpid} at {@code timeMs}. */
    GuardianScenario dropped(Gpid gpid, HostPort node, long timeMs) {
        return dropped(gpid, DroppedReplica.removedAt(node, timeMs));
    }

    /** The guardian remembers {@code entry} (appended as the most recent) for {@code gpid}. */
    GuardianScenario dropped(Gpid gpid, DroppedReplica entry) {
        CureContext context = book.context(gpid);
        List<DroppedReplica> list = new ArrayList<>(context.dropped());
        list.add(entry);
        book = book.withContext(gpid, new CureContext(list, list.size() - 1, context.queued(), false, false));
        return this;
    }

    GuardianScenario book(GuardianBookkeeping bookkeeping) {
        this.book = bookkeeping;
        return this;
    }

    GuardianScenario config(GuardianConfig newConfig) {
        this.config = newConfig;
        return this;
    }

    GuardianScenario at(long nowMs) {
        this.now = nowMs;
        return this;
    }

    ClusterState state() {
        List<TableState> tables = new ArrayList<>();
        partitions.forEach((appId, pcs) ->
                tables.add(new TableState(TableInfo.available(appId, "t" + appId, pcs.size(), 3, 0), pcs)));
        return ClusterState.of(tables.toArray(TableState[]::new));
    }

    NodeStates nodes() {
        return nodes;
    }

    GuardianBookkeeping book() {
        return book;
    }

    GuardianConfig config() {
        return config;
    }

    CureResult cure() {
        return PartitionGuardian.cure(state(), nodes, book, config, now);
    }
}
