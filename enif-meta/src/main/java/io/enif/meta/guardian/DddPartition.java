package io.enif.meta.guardian;

import io.enif.common.HostPort;
import io.enif.meta.state.PartitionConfig;
import java.util.List;
import java.util.Objects;

/**
 * A partition with no member left for which the guardian would not pick a primary by itself, as {@code ddd_diagnose}
 * lists it ({@code spec/ops-recovery-and-architecture.md} §3.2, §3.3).
 *
 * @param config the partition's configuration
 * @param dropped the dropped candidates, oldest first
 * @param reason why no primary was picked
 */
public record DddPartition(PartitionConfig config, List<Node> dropped, String reason) {

    public DddPartition {
        Objects.requireNonNull(config, "config");
        dropped = List.copyOf(dropped);
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * One dropped candidate as {@code ddd_diagnose} shows it; the replica info is -1 unless the node is alive and
     * collected.
     *
     * @param node the node
     * @param dropTimeMs when it was removed (0 = unknown)
     * @param alive whether it is alive
     * @param collected whether its replica info was collected since it came back
     * @param ballot its replica's ballot, or -1
     * @param lastCommittedDecree its replica's committed decree, or -1
     * @param lastPreparedDecree its replica's prepared decree, or -1
     */
    public record Node(
            HostPort node,
            long dropTimeMs,
            boolean alive,
            boolean collected,
            long ballot,
            long lastCommittedDecree,
            long lastPreparedDecree) {}
}
