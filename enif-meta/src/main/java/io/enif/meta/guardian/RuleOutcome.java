package io.enif.meta.guardian;

import io.enif.meta.state.ConfigProposal;

/**
 * What one cure rule decided for one partition.
 *
 * @param status the partition's status
 * @param proposal the proposal to carry out, or null to wait
 * @param ddd the DDD entry when a dead partition needs an operator, or null
 */
record RuleOutcome(CureStatus status, ConfigProposal proposal, DddPartition ddd) {

    static RuleOutcome waiting(CureStatus status) {
        return new RuleOutcome(status, null, null);
    }

    static RuleOutcome propose(CureStatus status, ConfigProposal proposal) {
        return new RuleOutcome(status, proposal, null);
    }
}
