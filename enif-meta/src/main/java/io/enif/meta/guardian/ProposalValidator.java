package io.enif.meta.guardian;

import io.enif.meta.state.ConfigProposal;
import io.enif.meta.state.NodeStates;
import io.enif.meta.state.PartitionConfig;
import java.util.Optional;

/**
 * Re-validates a queued proposal before it is sent again ({@code spec/ops-recovery-and-architecture.md} §6.13 and the
 * validity column of §6.10): its target and node must be alive, and the partition must still be in a state the
 * proposal fits.
 */
final class ProposalValidator {

    private ProposalValidator() {}

    /** Why {@code proposal} no longer fits {@code pc}, or empty when it does. */
    static Optional<String> problem(ConfigProposal proposal, PartitionConfig pc, NodeStates nodes) {
        if (!nodes.isAlive(proposal.target())) {
            return Optional.of("action target(" + proposal.target() + ") is not alive");
        }
        if (!nodes.isAlive(proposal.node())) {
            return Optional.of("action node(" + proposal.node() + ") is not alive");
        }
        boolean valid = switch (proposal.type()) {
            case ASSIGN_PRIMARY ->
                proposal.node().equals(proposal.target()) && !pc.hasPrimary() && !pc.isSecondary(proposal.node());
            case UPGRADE_TO_PRIMARY ->
                proposal.node().equals(proposal.target()) && !pc.hasPrimary() && pc.isSecondary(proposal.node());
            case ADD_SECONDARY, ADD_SECONDARY_FOR_LB ->
                pc.isPrimary(proposal.target()) && !pc.isSecondary(proposal.node());
            case DOWNGRADE_TO_INACTIVE, REMOVE -> pc.isPrimary(proposal.target()) && pc.isMember(proposal.node());
            case DOWNGRADE_TO_SECONDARY -> proposal.node().equals(proposal.target()) && pc.isPrimary(proposal.target());
            default -> false;
        };
        return valid ? Optional.empty() : Optional.of("action " + proposal + " does not fit " + pc);
    }
}
