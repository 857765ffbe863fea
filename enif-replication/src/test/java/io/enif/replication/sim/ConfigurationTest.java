package io.enif.replication.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.replication.ConfigType;
import io.enif.replication.PartitionStatus;
import io.enif.replication.event.Event;
import io.enif.replication.message.ReplicaMessage;
import io.enif.replication.ready.Ready;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The meta server's proposals, config sync, and the changes a replica asks the meta server for (spec §6.10–§6.11). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConfigurationTest {

    private static FakeMeta.Change lastChange(SimCluster sim) {
        return sim.meta.history().get(sim.meta.history().size() - 1);
    }

    @Test
    void downgradeToSecondaryHandsOverAndLeavesPendingWritesUnknown() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort n1 = sim.node(1);
        HostPort n2 = sim.node(2);
        sim.network.block(n1, sim.node(3));
        long pending = sim.write(n1, "pending");
        sim.deliverAll();
        assertThat(sim.reply(pending)).isNull();

        sim.propose(n1, ConfigType.CT_DOWNGRADE_TO_SECONDARY, n1);
        sim.deliverAll();

        assertThat(lastChange(sim).type()).isEqualTo(ConfigType.CT_DOWNGRADE_TO_SECONDARY);
        assertThat(sim.meta.stored().primary()).isNull();
        assertThat(sim.meta.stored().secondaries()).contains(n1, n2, sim.node(3));
        assertThat(sim.replica(n1).status()).isEqualTo(PartitionStatus.SECONDARY);
        // n1 no longer knows whether the write will commit: another primary may still commit it.
        assertThat(sim.reply(pending).error()).isEqualTo(ErrorCode.ERR_TIMEOUT);

        sim.network.unblock(n1, sim.node(3));
        sim.propose(n2, ConfigType.CT_UPGRADE_TO_PRIMARY, n2);
        sim.deliverAll();
        assertThat(sim.replica(n2).status()).isEqualTo(PartitionStatus.PRIMARY);
        // n2 had the pending write prepared: its reconciliation commits it.
        assertThat(sim.appliedValues(n2)).containsExactly("pending");
        long next = sim.write(n2, "next");
        sim.deliverAll();
        assertThat(sim.reply(next).error()).isEqualTo(ErrorCode.ERR_OK);
        sim.assertNoDivergence();
    }

    @Test
    void removeTellsTheRemovedNode() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort n3 = sim.node(3);
        sim.propose(sim.node(1), ConfigType.CT_REMOVE, n3);
        sim.deliverAll();

        assertThat(lastChange(sim).type()).isEqualTo(ConfigType.CT_REMOVE);
        assertThat(sim.meta.stored().secondaries()).containsExactly(sim.node(2));
        assertThat(sim.delivered)
                .anyMatch(e -> e.to().equals(n3) && e.message() instanceof ReplicaMessage.RemoveReplica);
        assertThat(sim.replica(n3).status()).isEqualTo(PartitionStatus.INACTIVE);
        assertThat(sim.replica(n3).isInactiveTransient()).isFalse();
    }

    @Test
    void proposalsForOtherRolesAreIgnored() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort n2 = sim.node(2);
        sim.propose(n2, ConfigType.CT_REMOVE, sim.node(3)); // n2 is not the primary
        sim.propose(n2, ConfigType.CT_ADD_SECONDARY, sim.node(3));
        sim.propose(n2, ConfigType.CT_DOWNGRADE_TO_SECONDARY, n2);
        sim.deliverAll();
        assertThat(sim.meta.stored().ballot()).isEqualTo(3);
        assertThat(sim.replica(n2).status()).isEqualTo(PartitionStatus.SECONDARY);
    }

    @Test
    void refusedRequestAdoptsWhatTheMetaServerStores() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort n1 = sim.node(1);
        long ballot = sim.meta.stored().ballot();
        sim.meta.refuseNext = true;
        sim.propose(n1, ConfigType.CT_REMOVE, sim.node(3));
        assertThat(sim.replica(n1).isReconfiguring()).isTrue();
        assertThat(sim.replica(n1).status()).isEqualTo(PartitionStatus.INACTIVE);

        sim.deliverAll();
        assertThat(sim.replica(n1).isReconfiguring()).isFalse();
        assertThat(sim.replica(n1).status()).isEqualTo(PartitionStatus.PRIMARY);
        assertThat(sim.replica(n1).ballot()).isEqualTo(ballot);
        assertThat(sim.meta.stored().secondaries()).containsExactly(sim.node(2), sim.node(3));
        long w = sim.write(n1, "still works");
        sim.deliverAll();
        assertThat(sim.reply(w).error()).isEqualTo(ErrorCode.ERR_OK);
    }

    @Test
    void unansweredRequestIsSentAgain() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort n1 = sim.node(1);
        int before = sim.metaRequests.size();
        sim.step(n1, new Event.ConfigProposal(ConfigType.CT_REMOVE, sim.node(3), sim.meta.stored()));
        sim.step(n1, new Event.ConfigurationUpdateReply(ErrorCode.ERR_TIMEOUT, null));
        assertThat(sim.metaRequests).hasSize(before + 1);
        sim.tick(sim.options.configUpdateRetryMs() - 1);
        assertThat(sim.metaRequests).hasSize(before + 1);
        sim.tick(1);
        assertThat(sim.metaRequests).hasSize(before + 2);
        assertThat(sim.metaRequests.get(before + 1).getValue()).isInstanceOf(Ready.UpdateConfiguration.class);
        sim.deliverAll();
        assertThat(sim.meta.stored().secondaries()).containsExactly(sim.node(2));
        assertThat(sim.replica(n1).status()).isEqualTo(PartitionStatus.PRIMARY);
    }

    @Test
    void restartedPrimaryBumpsTheBallotBeforeServing() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort n1 = sim.node(1);
        long a = sim.write(n1, "a");
        sim.deliverAll();
        long ballot = sim.meta.stored().ballot();

        sim.crash(n1);
        sim.restart(n1); // back before the meta server noticed: still listed as primary
        assertThat(sim.replica(n1).status()).isEqualTo(PartitionStatus.INACTIVE);
        assertThat(sim.replica(n1).lastCommittedDecree()).isEqualTo(sim.reply(a).decree());
        sim.configSync(n1);
        sim.deliverAll();

        assertThat(lastChange(sim).type()).isEqualTo(ConfigType.CT_PRIMARY_FORCE_UPDATE_BALLOT);
        assertThat(sim.replica(n1).status()).isEqualTo(PartitionStatus.PRIMARY);
        assertThat(sim.replica(n1).ballot()).isEqualTo(ballot + 1);
        long b = sim.write(n1, "b");
        sim.deliverAll();
        assertThat(sim.reply(b).error()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(sim.appliedValues(n1)).containsExactly("a", "b");
    }

    @Test
    void restartedSecondaryAsksToBeRemovedAndComesBackAsALearner() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort n3 = sim.node(3);
        sim.write(sim.node(1), "a");
        sim.deliverAll();
        sim.crash(n3);
        sim.restart(n3);
        sim.configSync(n3);
        sim.deliverAll();
        assertThat(lastChange(sim).type()).isEqualTo(ConfigType.CT_DOWNGRADE_TO_INACTIVE);
        assertThat(lastChange(sim).node()).isEqualTo(n3);
        assertThat(sim.replica(n3).status()).isEqualTo(PartitionStatus.INACTIVE);

        sim.addSecondary(n3);
        assertThat(sim.replica(n3).status()).isEqualTo(PartitionStatus.SECONDARY);
        long b = sim.write(sim.node(1), "b");
        sim.deliverAll();
        assertThat(sim.reply(b).error()).isEqualTo(ErrorCode.ERR_OK);
        sim.write(sim.node(1), "c");
        sim.deliverAll();
        assertThat(sim.appliedValues(n3)).containsExactly("a", "b");
    }

    @Test
    void logFailurePutsTheReplicaInError() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort n1 = sim.node(1);
        sim.autoLog = false;
        long a = sim.write(n1, "a");
        sim.step(
                n1,
                new Event.LogAppendFailed(
                        sim.replica(n1).ballot(),
                        sim.replica(n1).lastPreparedDecree(),
                        ErrorCode.ERR_FILE_OPERATION_FAILED));
        assertThat(sim.replica(n1).status()).isEqualTo(PartitionStatus.ERROR);
        assertThat(sim.reply(a).error()).isEqualTo(ErrorCode.ERR_TIMEOUT);
        assertThat(sim.reply(sim.write(n1, "b")).error()).isEqualTo(ErrorCode.ERR_INVALID_STATE);
        sim.configSync(n1);
        assertThat(sim.replica(n1).status()).isEqualTo(PartitionStatus.ERROR);
    }
}
