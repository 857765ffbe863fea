package io.enif.replication.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.replication.ConfigType;
import io.enif.replication.PartitionStatus;
import io.enif.replication.ReplicaOptions;
import io.enif.replication.message.ReplicaMessage;
import io.enif.replication.ready.Ready;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The primary's group check and empty writes (spec §6.8, §6.6), and the secondary's watch on its primary. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GroupCheckTest {

    private static long groupChecksTo(SimCluster sim, HostPort to) {
        return sim.delivered.stream()
                .filter(e -> e.to().equals(to) && e.message() instanceof ReplicaMessage.GroupCheck)
                .count();
    }

    @Test
    void groupCheckCarriesTheCommitPointToSecondaries() {
        SimCluster sim = new SimCluster(3, 1, ReplicaOptions.defaults().withGroupCheck(100_000, true));
        sim.bootstrap();
        HostPort n1 = sim.node(1);
        HostPort n2 = sim.node(2);
        long checks = groupChecksTo(sim, n2);
        sim.write(n1, "a");
        sim.deliverAll();
        assertThat(sim.appliedValues(n2)).isEmpty();

        sim.runFor(99_000, 1000);
        assertThat(groupChecksTo(sim, n2)).isEqualTo(checks);
        sim.runFor(1000, 1000);
        assertThat(groupChecksTo(sim, n2)).isEqualTo(checks + 1);
        assertThat(sim.appliedValues(n2)).containsExactly("a");
        assertThat(sim.appliedValues(sim.node(3))).containsExactly("a");
        assertThat(sim.replica(n1).status()).isEqualTo(PartitionStatus.PRIMARY);
    }

    @Test
    void idlePrimaryIssuesEmptyWrites() {
        SimCluster sim = new SimCluster(3, 1, ReplicaOptions.defaults().withGroupCheck(10_000, false));
        sim.bootstrap();
        HostPort n1 = sim.node(1);
        long a = sim.write(n1, "a");
        sim.deliverAll();
        long decree = sim.replica(n1).lastCommittedDecree();

        sim.runFor(10_000, 1000);
        assertThat(sim.replica(n1).lastCommittedDecree()).isEqualTo(decree + 1);
        assertThat(sim.sim(n1).applied.get(decree + 1).isEmptyWrite()).isTrue();
        // The empty write carried the commit point of "a" to the secondaries.
        assertThat(sim.appliedValues(sim.node(2))).containsExactly("a");
        assertThat(sim.reply(a).error()).isEqualTo(ErrorCode.ERR_OK);

        // While writes keep coming, no empty write is needed.
        for (int i = 0; i < 10; i++) {
            sim.write(n1, "w" + i);
            sim.runFor(1000, 1000);
        }
        long empties = sim.sim(n1).applied.values().stream()
                .filter(m -> m.isEmptyWrite())
                .count();
        assertThat(empties).isEqualTo(1);
    }

    @Test
    void emptyWritesCanBeDisabled() {
        SimCluster sim = new SimCluster(3, 1, ReplicaOptions.defaults().withGroupCheck(10_000, true));
        sim.bootstrap();
        long decree = sim.replica(sim.node(1)).lastCommittedDecree();
        sim.runFor(50_000, 5000);
        assertThat(sim.replica(sim.node(1)).lastCommittedDecree()).isEqualTo(decree);
    }

    @Test
    void unansweredGroupCheckRemovesTheSecondary() {
        SimCluster sim = new SimCluster(3, 1, ReplicaOptions.defaults().withGroupCheck(10_000, true));
        sim.bootstrap();
        HostPort n3 = sim.node(3);
        sim.crash(n3);
        sim.runFor(10_000 + sim.options.prepareTimeoutMsForSecondaries(), 1000);

        FakeMeta.Change last = sim.meta.history().get(sim.meta.history().size() - 1);
        assertThat(last.type()).isEqualTo(ConfigType.CT_DOWNGRADE_TO_INACTIVE);
        assertThat(last.node()).isEqualTo(n3);
        assertThat(sim.replica(sim.node(1)).status()).isEqualTo(PartitionStatus.PRIMARY);
        assertThat(sim.replica(sim.node(1)).configuration().secondaries()).containsExactly(sim.node(2));
    }

    @Test
    void groupCheckOfAnOldBallotIsRefused() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort n1 = sim.node(1);
        HostPort n2 = sim.node(2);
        long ballot = sim.replica(n2).ballot();
        sim.step(
                n2,
                new io.enif.replication.event.Event.MessageReceived(
                        n1,
                        new ReplicaMessage.GroupCheck(
                                new io.enif.replication.message.AssignedRole(
                                        ballot - 1, n1, PartitionStatus.SECONDARY, 0),
                                0)));
        assertThat(sim.network.inFlight()).singleElement().satisfies(e -> {
            assertThat(e.message()).isInstanceOf(ReplicaMessage.GroupCheckReply.class);
            assertThat(((ReplicaMessage.GroupCheckReply) e.message()).error())
                    .isEqualTo(ErrorCode.ERR_VERSION_OUTDATED);
        });
        assertThat(sim.replica(n2).ballot()).isEqualTo(ballot);
    }

    @Test
    void silentPrimaryMakesTheSecondaryAskTheMetaServer() {
        SimCluster sim = new SimCluster(3, 1, ReplicaOptions.defaults().withGroupCheck(10_000, true));
        sim.bootstrap();
        HostPort n2 = sim.node(2);
        sim.crash(sim.node(1));
        sim.runFor(19_000, 1000);
        assertThat(sim.metaRequests).noneMatch(r -> r.getValue() instanceof Ready.QueryConfiguration);
        sim.runFor(1000, 1000);
        assertThat(sim.metaRequests)
                .filteredOn(r -> r.getValue() instanceof Ready.QueryConfiguration)
                .extracting(java.util.Map.Entry::getKey)
                .contains(n2);
        assertThat(sim.replica(n2).status()).as("keeps its role meanwhile").isEqualTo(PartitionStatus.SECONDARY);
    }
}
