package io.enif.meta.state;

import io.enif.common.HostPort;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The liveness of every replica server the meta server knows: the union of the members of all partitions and of the
 * nodes that sent beacons ({@code spec/ops-recovery-and-architecture.md} §6.2).
 *
 * @param nodes the nodes by address, in address order
 */
public record NodeStates(Map<HostPort, NodeState> nodes) {

    public NodeStates {
        Map<HostPort, NodeState> sorted = new TreeMap<>(NodeStates::compare);
        sorted.putAll(nodes);
        nodes = Collections.unmodifiableMap(sorted);
    }

    /** No nodes. */
    public static NodeStates empty() {
        return new NodeStates(Map.of());
    }

    /** The given node states. */
    public static NodeStates of(NodeState... states) {
        Map<HostPort, NodeState> byNode = new TreeMap<>(NodeStates::compare);
        for (NodeState state : states) {
            byNode.put(state.node(), state);
        }
        return new NodeStates(byNode);
    }

    /** The state of {@code node}, if known. */
    public Optional<NodeState> get(HostPort node) {
        return Optional.ofNullable(nodes.get(node));
    }

    /** Whether {@code node} is known and alive; unknown nodes are not alive. */
    public boolean isAlive(HostPort node) {
        NodeState state = nodes.get(node);
        return state != null && state.alive();
    }

    /** Whether {@code node} is alive and has reported its replicas since. */
    public boolean isCollected(HostPort node) {
        NodeState state = nodes.get(node);
        return state != null && state.alive() && state.replicasCollected();
    }

    /** The alive nodes, in address order. */
    public List<HostPort> aliveNodes() {
        List<HostPort> alive = new ArrayList<>();
        for (NodeState state : nodes.values()) {
            if (state.alive()) {
                alive.add(state.node());
            }
        }
        return alive;
    }

    public int aliveCount() {
        return (int) nodes.values().stream().filter(NodeState::alive).count();
    }

    public int deadCount() {
        return nodes.size() - aliveCount();
    }

    /** Every node state, in address order. */
    public Collection<NodeState> all() {
        return nodes.values();
    }

    /** These states with one node added or replaced. */
    public NodeStates with(NodeState state) {
        Map<HostPort, NodeState> updated = new TreeMap<>(NodeStates::compare);
        updated.putAll(nodes);
        updated.put(state.node(), state);
        return new NodeStates(updated);
    }

    /** Address order: host, then port. */
    static int compare(HostPort a, HostPort b) {
        int byHost = a.host().compareTo(b.host());
        return byHost != 0 ? byHost : Integer.compare(a.port(), b.port());
    }
}
