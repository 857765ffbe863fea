package io.enif.meta.state;

import io.enif.common.HostPort;
import java.util.ArrayList;
import java.util.List;

/**
 * The effect of a configuration change on a partition configuration ({@code spec/ops-recovery-and-architecture.md}
 * §6.10): the configuration the meta server persists for a change it decided itself (node death, drop) and the one it
 * expects a replica to propose.
 *
 * <p>Every change bumps the ballot by one. Adding types (ASSIGN_PRIMARY, UPGRADE_TO_PRIMARY, UPGRADE_TO_SECONDARY)
 * take the node out of {@code last_drops}; removing types (DOWNGRADE_TO_INACTIVE, REMOVE, DROP_PARTITION) append it
 * and keep the {@value PartitionConfig#MAX_LAST_DROPS} most recent.
 */
public final class PartitionConfigChanges {

    private PartitionConfigChanges() {}

    /**
     * The configuration after {@code type} about {@code node} is applied to {@code pc}.
     *
     * @param node the node the change is about (ignored for DROP_PARTITION)
     * @throws IllegalArgumentException when the change does not fit the configuration (e.g. upgrading a node that is
     *     not a secondary), or is a type that changes no configuration (ADD_SECONDARY, INVALID, REGISTER_CHILD)
     */
    public static PartitionConfig apply(PartitionConfig pc, ConfigType type, HostPort node) {
        HostPort primary = pc.primary();
        List<HostPort> secondaries = new ArrayList<>(pc.secondaries());
        List<HostPort> lastDrops = new ArrayList<>(pc.lastDrops());
        int flags = pc.partitionFlags();
        switch (type) {
            case ASSIGN_PRIMARY -> {
                require(!pc.hasPrimary() && !pc.isSecondary(node), pc, type, node, "needs no primary and a non-member");
                primary = node;
                lastDrops.remove(node);
            }
            case UPGRADE_TO_PRIMARY -> {
                require(!pc.hasPrimary() && pc.isSecondary(node), pc, type, node, "needs no primary and a secondary");
                secondaries.remove(node);
                primary = node;
                lastDrops.remove(node);
            }
            case UPGRADE_TO_SECONDARY -> {
                require(pc.hasPrimary() && !pc.isMember(node), pc, type, node, "needs a primary and a non-member");
                secondaries.add(node);
                lastDrops.remove(node);
            }
            case DOWNGRADE_TO_SECONDARY -> {
                require(pc.isPrimary(node), pc, type, node, "needs the node to be the primary");
                secondaries.add(node);
                primary = null;
            }
            case DOWNGRADE_TO_INACTIVE, REMOVE -> {
                require(pc.isMember(node), pc, type, node, "needs the node to be a member");
                if (pc.isPrimary(node)) {
                    primary = null;
                } else {
                    secondaries.remove(node);
                }
                appendDrop(lastDrops, node);
            }
            case PRIMARY_FORCE_UPDATE_BALLOT ->
                require(pc.isPrimary(node), pc, type, node, "needs the node to be the primary");
            case DROP_PARTITION -> {
                require(!pc.isDropped(), pc, type, node, "needs a partition not dropped yet");
                for (HostPort secondary : pc.secondaries()) {
                    appendDrop(lastDrops, secondary);
                }
                if (primary != null) {
                    appendDrop(lastDrops, primary);
                }
                primary = null;
                secondaries.clear();
                flags |= PartitionConfig.FLAG_DROPPED;
            }
            default ->
                throw new IllegalArgumentException(
                        type.thriftName() + " changes no partition configuration (" + pc.gpid() + ")");
        }
        return new PartitionConfig(
                pc.gpid(),
                pc.ballot() + 1,
                pc.maxReplicaCount(),
                primary,
                secondaries,
                lastDrops,
                pc.lastCommittedDecree(),
                flags);
    }

    /**
     * The configuration of a dropped partition after its table is recalled: ballot + 1 and the dropped flag cleared;
     * it keeps no members, and its {@code last_drops} name the nodes that still hold its data.
     *
     * @throws IllegalArgumentException when the partition is not dropped
     */
    public static PartitionConfig recall(PartitionConfig pc) {
        if (!pc.isDropped()) {
            throw new IllegalArgumentException(pc.gpid() + " is not dropped, so it cannot be recalled");
        }
        return new PartitionConfig(
                pc.gpid(),
                pc.ballot() + 1,
                pc.maxReplicaCount(),
                pc.primary(),
                pc.secondaries(),
                pc.lastDrops(),
                pc.lastCommittedDecree(),
                pc.partitionFlags() & ~PartitionConfig.FLAG_DROPPED);
    }

    private static void appendDrop(List<HostPort> lastDrops, HostPort node) {
        lastDrops.remove(node);
        lastDrops.add(node);
        while (lastDrops.size() > PartitionConfig.MAX_LAST_DROPS) {
            lastDrops.remove(0);
        }
    }

    private static void require(boolean ok, PartitionConfig pc, ConfigType type, HostPort node, String why) {
        if (!ok) {
            throw new IllegalArgumentException(
                    type.thriftName() + " of " + node + " does not fit " + pc + ": it " + why);
        }
    }
}
