package io.enif.replication.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.replication.ConfigType;
import io.enif.replication.Mutation;
import io.enif.replication.PartitionStatus;
import io.enif.replication.event.Event;
import io.enif.replication.message.ReplicaMessage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Member failures, primary changes and the new primary's reconciliation round. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FailoverTest {

    @Test
    void secondaryCrashMakesThePrimaryAskForItsRemoval() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort primary = sim.node(1);
        HostPort n3 = sim.node(3);
        long ballot = sim.meta.stored().ballot();

        sim.crash(n3);
        long a = sim.write(primary, "a");
        sim.deliverAll();
        assertThat(sim.reply(a)).as("waits for the dead secondary").isNull();

        sim.tick(sim.options.prepareTimeoutMsForSecondaries());
        // The primary asked the meta server and stopped taking writes until it answers.
        assertThat(sim.replica(primary).status()).isEqualTo(PartitionStatus.INACTIVE);
        assertThat(sim.replica(primary).isInactiveTransient()).isTrue();
        assertThat(sim.replica(primary).isReconfiguring()).isTrue();
        long meanwhile = sim.write(primary, "meanwhile");
        assertThat(sim.reply(meanwhile).error()).isEqualTo(ErrorCode.ERR_INVALID_STATE);

        sim.deliverAll();
        FakeMeta.Change last = sim.meta.history().get(sim.meta.history().size() - 1);
        assertThat(last.type()).isEqualTo(ConfigType.CT_DOWNGRADE_TO_INACTIVE);
        assertThat(last.node()).isEqualTo(n3);
        assertThat(last.config().ballot()).isEqualTo(ballot + 1);
        assertThat(last.config().secondaries()).containsExactly(sim.node(2));
        assertThat(sim.replica(primary).status()).isEqualTo(PartitionStatus.PRIMARY);
        assertThat(sim.replica(primary).ballot()).isEqualTo(ballot + 1);
        // The pending write was re-proposed under the new ballot and committed with the remaining secondary.
        assertThat(sim.reply(a).error()).isEqualTo(ErrorCode.ERR_OK);
        long b = sim.write(primary, "b");
        sim.deliverAll();
        assertThat(sim.reply(b).error()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(sim.appliedValues(primary)).containsExactly("a", "b");
    }

    @Test
    void retriesAPrepareRefusedWithInactiveState() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort primary = sim.node(1);
        HostPort n2 = sim.node(2);
        // n2 loses its lease: it refuses prepares with ERR_INACTIVE_STATE, which the primary retries.
        sim.step(n2, new Event.LeaseExpired());
        assertThat(sim.replica(n2).status()).isEqualTo(PartitionStatus.INACTIVE);

        long a = sim.write(primary, "a");
        sim.deliverAll();
        assertThat(sim.reply(a)).isNull();
        assertThat(sim.network.inFlight()).isEmpty();

        sim.tick(sim.options.prepareRetryDelayMs());
        assertThat(sim.network.inFlight())
                .as("the prepare is sent again after the retry delay")
                .anyMatch(e -> e.to().equals(n2) && e.message() instanceof ReplicaMessage.Prepare);
        // n2's lease comes back and config sync reinstates it as a secondary.
        sim.step(n2, new Event.LeaseGranted(Long.MAX_VALUE));
        sim.configSync(n2);
        assertThat(sim.replica(n2).status()).isEqualTo(PartitionStatus.SECONDARY);
        sim.deliverAll();
        assertThat(sim.reply(a).error()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(sim.meta.history())
                .extracting(FakeMeta.Change::type)
                .doesNotContain(ConfigType.CT_DOWNGRADE_TO_INACTIVE);
    }

    @Test
    void newPrimaryCommitsWhatTheOldOneAcknowledged() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort n1 = sim.node(1);
        HostPort n2 = sim.node(2);
        HostPort n3 = sim.node(3);
        long a = sim.write(n1, "a");
        long b = sim.write(n1, "b");
        sim.deliverAll();
        // Both are acknowledged, but the secondaries have not heard the commit point yet.
        assertThat(sim.reply(b).error()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(sim.appliedValues(n2)).isEmpty();

        sim.crash(n1);
        sim.failover(n1, n2);

        assertThat(sim.replica(n2).status()).isEqualTo(PartitionStatus.PRIMARY);
        assertThat(sim.replica(n3).status()).isEqualTo(PartitionStatus.SECONDARY);
        assertThat(sim.replica(n3).ballot()).isEqualTo(sim.replica(n2).ballot());
        assertThat(sim.appliedValues(n2)).containsExactly("a", "b");
        sim.assertAcknowledgedWritesApplied(n2);
        long c = sim.write(n2, "c");
        sim.deliverAll();
        assertThat(sim.reply(c).error()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(sim.reply(c).decree()).isEqualTo(sim.reply(a).decree() + 2);
        long oldPrimaryTimestamp =
                sim.sim(n2).applied.get(sim.reply(b).decree()).timestampUs();
        assertThat(sim.sim(n2).applied.get(sim.reply(c).decree()).timestampUs())
                .as("timestamps keep increasing across primaries")
                .isGreaterThan(oldPrimaryTimestamp);
        sim.runFor(1, 1); // the next group check or write carries the commit point to n3
        long d = sim.write(n2, "d");
        sim.deliverAll();
        assertThat(sim.reply(d).error()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(sim.appliedValues(n3)).containsExactly("a", "b", "c");
        sim.assertNoDivergence();
    }

    @Test
    void reconciliationFillsHolesWithEmptyWrites() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort n1 = sim.node(1);
        HostPort n2 = sim.node(2);
        HostPort n3 = sim.node(3);
        long before = sim.replica(n1).lastCommittedDecree();
        sim.network.block(n1, n3);
        long a = sim.write(n1, "a");
        long b = sim.write(n1, "b");
        // n2 receives "b" but loses "a": it holds decree before+2 with a hole at before+1.
        sim.network.dropIf(e -> e.message() instanceof ReplicaMessage.Prepare p
                && p.mutation().decree() == before + 1
                && e.to().equals(n2));
        sim.deliverAll();
        assertThat(sim.reply(a)).isNull();
        assertThat(sim.replica(n2).lastPreparedDecree()).isEqualTo(before + 2);

        sim.crash(n1);
        sim.network.unblock(n1, n3);
        sim.failover(n1, n2);

        Mutation hole = sim.sim(n2).applied.get(before + 1);
        assertThat(hole.isEmptyWrite())
                .as("the hole is filled with an empty write")
                .isTrue();
        assertThat(sim.sim(n2).applied.get(before + 2).updates()).hasSize(1);
        assertThat(sim.appliedValues(n2)).containsExactly("b");
        assertThat(sim.replica(n2).isReconciled()).isTrue();
        sim.assertNoDivergence();
    }

    @Test
    void readsWaitForReconciliationAndALease() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort n1 = sim.node(1);
        HostPort n2 = sim.node(2);
        HostPort n3 = sim.node(3);
        assertThat(sim.replica(n1).canServeReads()).isTrue();
        assertThat(sim.replica(n2).canServeReads())
                .as("secondaries never serve reads")
                .isFalse();
        sim.write(n1, "a");
        sim.deliverAll();

        sim.crash(n1);
        sim.network.block(n2, n3); // the reconciliation round cannot commit
        sim.failover(n1, n2);
        assertThat(sim.replica(n2).status()).isEqualTo(PartitionStatus.PRIMARY);
        assertThat(sim.replica(n2).isReconciled()).isFalse();
        assertThat(sim.replica(n2).canServeReads()).isFalse();

        sim.network.unblock(n2, n3);
        sim.deliverAll();
        assertThat(sim.replica(n2).canServeReads()).isTrue();

        // The lease runs out: reads stop though the replica is still primary.
        sim.step(n2, new Event.LeaseGranted(sim.now + 1000));
        assertThat(sim.replica(n2).canServeReads()).isTrue();
        sim.tick(1000);
        assertThat(sim.replica(n2).status()).isEqualTo(PartitionStatus.PRIMARY);
        assertThat(sim.replica(n2).canServeReads()).isFalse();

        // The failure detector gives up: the primary is transiently inactive until config sync restores it under a
        // new ballot (with a new reconciliation round).
        long ballot = sim.replica(n2).ballot();
        sim.step(n2, new Event.LeaseExpired());
        assertThat(sim.replica(n2).status()).isEqualTo(PartitionStatus.INACTIVE);
        sim.step(n2, new Event.LeaseGranted(Long.MAX_VALUE));
        sim.configSync(n2);
        sim.deliverAll();
        assertThat(sim.meta.history().get(sim.meta.history().size() - 1).type())
                .isEqualTo(ConfigType.CT_PRIMARY_FORCE_UPDATE_BALLOT);
        assertThat(sim.replica(n2).status()).isEqualTo(PartitionStatus.PRIMARY);
        assertThat(sim.replica(n2).ballot()).isEqualTo(ballot + 1);
        assertThat(sim.replica(n2).canServeReads()).isTrue();
    }

    @Test
    void aConfigSyncWithoutALeaseDoesNotConfirmTheRole() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort n1 = sim.node(1);
        sim.step(n1, new Event.LeaseExpired());
        // Config sync answered while n1 has no lease: the meta server may depose n1 before n1's next lease, so the
        // answer does not let n1 serve reads once a lease comes back (simulation seed 10422).
        sim.configSync(n1);
        sim.deliverAll();
        assertThat(sim.replica(n1).status()).isEqualTo(PartitionStatus.PRIMARY);
        sim.step(n1, new Event.LeaseGranted(Long.MAX_VALUE));
        assertThat(sim.replica(n1).canServeReads()).isFalse();
        // A config sync under the new lease confirms it.
        sim.configSync(n1);
        assertThat(sim.replica(n1).canServeReads()).isTrue();
    }

    @Test
    void staleProposalsAreIgnored() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort n2 = sim.node(2);
        var stale = sim.meta.history().get(0).config(); // ballot 1
        sim.step(n2, new Event.ConfigProposal(ConfigType.CT_UPGRADE_TO_PRIMARY, n2, stale));
        assertThat(sim.replica(n2).status()).isEqualTo(PartitionStatus.SECONDARY);
        assertThat(sim.replica(n2).isReconfiguring()).isFalse();
        // Upgrading a secondary while the primary is alive is refused by the replica (a primary exists).
        sim.propose(n2, ConfigType.CT_UPGRADE_TO_PRIMARY, n2);
        assertThat(sim.replica(n2).isReconfiguring()).isFalse();
    }

    @Test
    void failedSendOfAPrepareRemovesTheSecondaryAtOnce() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort n1 = sim.node(1);
        HostPort n3 = sim.node(3);
        long a = sim.write(n1, "a");
        SimNetwork.Envelope toN3 = sim.network.inFlight().stream()
                .filter(e -> e.to().equals(n3))
                .findFirst()
                .orElseThrow();
        sim.network.dropIf(e -> e.equals(toN3));
        sim.step(n1, new Event.SendFailed(n3, toN3.message(), ErrorCode.ERR_NETWORK_FAILURE));
        assertThat(sim.replica(n1).isReconfiguring()).isTrue();
        sim.deliverAll();
        assertThat(sim.meta.stored().secondaries()).containsExactly(sim.node(2));
        assertThat(sim.reply(a).error()).isEqualTo(ErrorCode.ERR_OK);
    }
}
