package io.enif.replication.config;

import io.enif.common.HostPort;
import io.enif.replication.ConfigType;
import io.enif.replication.PartitionConfiguration;
import io.enif.replication.PartitionStatus;
import io.enif.replication.core.ReplicaCore;
import java.util.ArrayList;
import java.util.List;

/**
 * The meta server's orders: {@code RPC_CONFIG_PROPOSAL} and config sync (spec §6.10, §6.11; Pegasus {@code
 * on_config_proposal}, {@code on_config_sync}).
 *
 * <p>Proposals are hints: one with a lower ballot than the replica's, or arriving while the replica's own request is
 * in flight, is ignored; one with a higher ballot is adopted as persisted first. The replica then asks the meta
 * server to persist the change ({@link Reconfiguration}) and acts once it has; only {@code CT_ADD_SECONDARY} acts at
 * once, since it changes nothing persisted.
 *
 * <p>Config sync: a higher ballot is adopted. A replica that restarted (inactive for good) and is still listed does
 * not resume blindly: as primary it asks for {@code CT_PRIMARY_FORCE_UPDATE_BALLOT} (so that nothing it proposed
 * before the restart can be confused with what it proposes now), as secondary it asks to be removed and comes back
 * as a learner. A replica that only lost its lease does the same as primary, and resumes as secondary.
 */
public final class ProposalHandler {
    private final ReplicaCore core;

    public ProposalHandler(ReplicaCore core) {
        this.core = core;
    }

    public void onProposal(ConfigType type, HostPort node, PartitionConfiguration config) {
        if (core.status() == PartitionStatus.ERROR
                || config.ballot() < core.ballot()
                || core.reconfiguration().isPending()) {
            return;
        }
        if (config.ballot() > core.ballot()) {
            core.roles().applyPersisted(config, false);
        }
        core.setMaxReplicaCount(config.maxReplicaCount());
        HostPort self = core.self();
        boolean primary = core.status() == PartitionStatus.PRIMARY;
        switch (type) {
            case CT_ASSIGN_PRIMARY, CT_UPGRADE_TO_PRIMARY -> {
                if (!node.equals(self)
                        || primary
                        || core.status() == PartitionStatus.POTENTIAL_SECONDARY
                        || config.primary() != null) {
                    return;
                }
                List<HostPort> secondaries = new ArrayList<>(config.secondaries());
                secondaries.remove(self);
                core.reconfiguration()
                        .request(
                                type,
                                self,
                                config.next(
                                        self, secondaries, core.prepareList().lastCommittedDecree()));
            }
            case CT_ADD_SECONDARY, CT_ADD_SECONDARY_FOR_LB -> {
                if (primary) {
                    core.learnee().addLearner(node, type == ConfigType.CT_ADD_SECONDARY_FOR_LB);
                }
            }
            case CT_DOWNGRADE_TO_SECONDARY -> {
                if (primary && node.equals(self)) {
                    List<HostPort> secondaries = new ArrayList<>(core.secondaries());
                    secondaries.add(self);
                    core.reconfiguration()
                            .request(type, self, core.reconfiguration().next(null, secondaries));
                }
            }
            case CT_DOWNGRADE_TO_INACTIVE, CT_REMOVE -> {
                if (!primary) {
                    return;
                }
                if (core.primaryContext().learner(node) != null) {
                    core.learnee().dropLearner(node);
                } else {
                    core.reconfiguration().requestRemoval(type, node);
                }
            }
            default -> {
                // Not a replica's business (CT_UPGRADE_TO_SECONDARY, CT_DROP_PARTITION, ...).
            }
        }
    }

    /**
     * The meta server's configuration of this partition (config sync). It confirms this replica's role only under a
     * valid lease: an answer received between a lease's end and the next grant may be older than a failover the
     * meta server carried out meanwhile (it deposes a server only after a grace period without its beacons), and the
     * next grant would otherwise let a deposed primary serve reads (simulation seed 10422).
     */
    public void onSync(PartitionConfiguration config) {
        if (core.status() == PartitionStatus.ERROR
                || core.reconfiguration().isPending()
                || config.ballot() < core.ballot()) {
            return;
        }
        if (core.leaseValid()) {
            core.confirmRole();
        }
        HostPort self = core.self();
        boolean inactive = core.status() == PartitionStatus.INACTIVE;
        if (!inactive || !config.isMember(self)) {
            if (config.ballot() > core.ballot()) {
                core.roles().applyPersisted(config, false);
            } else {
                core.setMaxReplicaCount(config.maxReplicaCount());
            }
            return;
        }
        long committed = core.prepareList().lastCommittedDecree();
        if (self.equals(config.primary())) {
            core.setBallot(config.ballot());
            core.setMaxReplicaCount(config.maxReplicaCount());
            core.reconfiguration()
                    .request(
                            ConfigType.CT_PRIMARY_FORCE_UPDATE_BALLOT,
                            self,
                            config.next(self, config.secondaries(), committed));
        } else if (core.inactiveTransient()) {
            core.roles().applyPersisted(config, false);
        } else {
            List<HostPort> secondaries = new ArrayList<>(config.secondaries());
            secondaries.remove(self);
            core.setBallot(config.ballot());
            core.reconfiguration()
                    .request(
                            ConfigType.CT_DOWNGRADE_TO_INACTIVE,
                            self,
                            config.next(config.primary(), secondaries, committed));
        }
    }
}
