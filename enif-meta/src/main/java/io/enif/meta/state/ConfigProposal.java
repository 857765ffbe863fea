package io.enif.meta.state;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import java.util.Objects;

/**
 * A configuration-change proposal the meta server sends to a replica server, Pegasus's {@code
 * configuration_proposal_action} plus the partition it is about ({@code spec/ops-recovery-and-architecture.md}
 * §6.10).
 *
 * @param gpid the partition
 * @param type the change
 * @param target the node that carries the change out (normally the primary; the node itself for ASSIGN_PRIMARY and
 *     UPGRADE_TO_PRIMARY)
 * @param node the node the change is about
 */
public record ConfigProposal(Gpid gpid, ConfigType type, HostPort target, HostPort node) {

    public ConfigProposal {
        Objects.requireNonNull(gpid, "gpid");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(node, "node");
    }

    /** {@code node} becomes the primary of a partition without members. */
    public static ConfigProposal assignPrimary(Gpid gpid, HostPort node) {
        return new ConfigProposal(gpid, ConfigType.ASSIGN_PRIMARY, node, node);
    }

    /** The secondary {@code node} becomes the primary. */
    public static ConfigProposal upgradeToPrimary(Gpid gpid, HostPort node) {
        return new ConfigProposal(gpid, ConfigType.UPGRADE_TO_PRIMARY, node, node);
    }

    /** {@code primary} starts a learner on {@code node}. */
    public static ConfigProposal addSecondary(Gpid gpid, HostPort primary, HostPort node) {
        return new ConfigProposal(gpid, ConfigType.ADD_SECONDARY, primary, node);
    }

    /** {@code primary} removes {@code node} from the group. */
    public static ConfigProposal remove(Gpid gpid, HostPort primary, HostPort node) {
        return new ConfigProposal(gpid, ConfigType.REMOVE, primary, node);
    }

    /** {@code primary} removes the (dead) member {@code node}. */
    public static ConfigProposal downgradeToInactive(Gpid gpid, HostPort primary, HostPort node) {
        return new ConfigProposal(gpid, ConfigType.DOWNGRADE_TO_INACTIVE, primary, node);
    }

    /** {@code primary} steps down into the secondaries. */
    public static ConfigProposal downgradeToSecondary(Gpid gpid, HostPort primary) {
        return new ConfigProposal(gpid, ConfigType.DOWNGRADE_TO_SECONDARY, primary, primary);
    }

    @Override
    public String toString() {
        return gpid + " " + type.thriftName() + " target=" + target + " node=" + node;
    }
}
