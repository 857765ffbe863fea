package io.enif.meta.state;

import io.enif.common.HostPort;
import java.util.Objects;

/**
 * What the meta server knows of one replica server ({@code spec/ops-recovery-and-architecture.md} §6.3).
 *
 * @param node the replica server's address
 * @param alive whether the failure detector considers it alive
 * @param sinceMs when it last became alive or dead, in milliseconds of the meta server's clock
 * @param replicasCollected whether it has reported its stored replicas (config sync) since it last became alive; the
 *     DDD rule trusts only collected replica info
 */
public record NodeState(HostPort node, boolean alive, long sinceMs, boolean replicasCollected) {

    public NodeState {
        Objects.requireNonNull(node, "node");
    }

    /** A node alive since {@code sinceMs} whose replicas have not been collected yet. */
    public static NodeState aliveSince(HostPort node, long sinceMs) {
        return new NodeState(node, true, sinceMs, false);
    }

    /** A node dead since {@code sinceMs}. */
    public static NodeState deadSince(HostPort node, long sinceMs) {
        return new NodeState(node, false, sinceMs, false);
    }

    /** This node after its replicas were collected. */
    public NodeState collected() {
        return new NodeState(node, alive, sinceMs, true);
    }
}
