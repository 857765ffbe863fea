package io.enif.replication.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.replication.ConfigType;
import io.enif.replication.MutationUpdate;
import io.enif.replication.PartitionStatus;
import io.enif.replication.ReplicaOptions;
import io.enif.replication.event.Event;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The primary's two-phase commit on a simulated 3-replica group. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WritePathTest {

    @Test
    void bootstrapFormsAGroupThroughLearning() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();

        HostPort n1 = sim.node(1);
        assertThat(sim.replica(n1).status()).isEqualTo(PartitionStatus.PRIMARY);
        assertThat(sim.meta.stored().primary()).isEqualTo(n1);
        assertThat(sim.meta.stored().secondaries()).containsExactly(sim.node(2), sim.node(3));
        assertThat(sim.meta.stored().ballot()).isEqualTo(3);
        assertThat(sim.meta.history())
                .extracting(FakeMeta.Change::type)
                .containsExactly(
                        ConfigType.CT_ASSIGN_PRIMARY,
                        ConfigType.CT_UPGRADE_TO_SECONDARY,
                        ConfigType.CT_UPGRADE_TO_SECONDARY);
        assertThat(sim.replica(sim.node(2)).status()).isEqualTo(PartitionStatus.SECONDARY);
        assertThat(sim.replica(sim.node(3)).status()).isEqualTo(PartitionStatus.SECONDARY);
        assertThat(sim.replica(sim.node(3)).ballot()).isEqualTo(3);
    }

    @Test
    void writeCommitsOnAllThreeReplicas() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort primary = sim.node(1);

        long a = sim.write(primary, "a");
        long b = sim.write(primary, "b");
        sim.deliverAll();

        assertThat(sim.reply(a).error()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(sim.reply(b).error()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(sim.reply(b).decree()).isEqualTo(sim.reply(a).decree() + 1);
        assertThat(sim.appliedValues(primary)).containsExactly("a", "b");
        // Secondaries commit what the primary piggybacks: the next write (or group check) carries the commit point.
        long c = sim.write(primary, "c");
        sim.deliverAll();
        assertThat(sim.reply(c).error()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(sim.appliedValues(sim.node(2))).containsExactly("a", "b");
        assertThat(sim.appliedValues(sim.node(3))).containsExactly("a", "b");
        sim.assertNoDivergence();
    }

    @Test
    void commitWaitsForTheLocalLogAndEverySecondary() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort primary = sim.node(1);
        HostPort n3 = sim.node(3);
        sim.network.block(primary, n3);
        sim.autoLog = false;

        long a = sim.write(primary, "a");
        sim.deliverAll();
        sim.completeLog(sim.node(2));
        sim.deliverAll();
        assertThat(sim.reply(a)).as("neither the local log nor n3 has it").isNull();

        sim.completeLog(primary);
        sim.deliverAll();
        assertThat(sim.reply(a)).as("n3 has not acked").isNull();

        sim.network.unblock(primary, n3);
        sim.deliverAll();
        assertThat(sim.reply(a)).as("n3 received but not logged").isNull();

        sim.completeLog(n3);
        sim.deliverAll();
        assertThat(sim.reply(a).error()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(sim.appliedValues(primary)).containsExactly("a");
    }

    @Test
    void commitsStrictlyInDecreeOrder() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort primary = sim.node(1);
        sim.autoLog = false;

        long a = sim.write(primary, "a");
        long b = sim.write(primary, "b");
        sim.deliverAll();
        sim.completeLog(sim.node(2));
        sim.completeLog(sim.node(3));
        sim.deliverAll();
        // The primary's log completes "b" only: nothing may commit before "a".
        var pending = sim.sim(primary).pendingAppends;
        var first = pending.poll();
        var second = pending.poll();
        sim.step(primary, new Event.LogAppended(second.ballot(), second.decree()));
        assertThat(sim.reply(b)).isNull();
        assertThat(sim.reply(a)).isNull();
        sim.step(primary, new Event.LogAppended(first.ballot(), first.decree()));
        assertThat(sim.reply(a).error()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(sim.reply(b).error()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(sim.appliedValues(primary)).containsExactly("a", "b");
    }

    @Test
    void capacityExceededBeyondStaleness() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort primary = sim.node(1);
        sim.autoLog = false; // nothing commits
        int staleness = sim.options.stalenessForCommit();
        long base = sim.replica(primary).lastCommittedDecree();

        for (int i = 0; i < staleness; i++) {
            sim.write(primary, "w" + i);
        }
        long refused = sim.write(primary, "one too many");

        assertThat(sim.replica(primary).lastPreparedDecree()).isEqualTo(base + staleness);
        assertThat(sim.reply(refused).error()).isEqualTo(ErrorCode.ERR_CAPACITY_EXCEEDED);

        sim.autoLog = true;
        sim.deliverAll();
        long accepted = sim.write(primary, "after commit");
        sim.deliverAll();
        assertThat(sim.reply(accepted).error()).isEqualTo(ErrorCode.ERR_OK);
    }

    @Test
    void writesAreRefusedWhereTheyCannotBeCommitted() {
        SimCluster sim = SimCluster.of(3);
        HostPort n1 = sim.node(1);
        long notPrimary = sim.write(n1, "x");
        assertThat(sim.reply(notPrimary).error()).isEqualTo(ErrorCode.ERR_INVALID_STATE);

        sim.propose(n1, ConfigType.CT_ASSIGN_PRIMARY, n1);
        sim.deliverAll();
        long alone = sim.write(n1, "y");
        assertThat(sim.reply(alone).error())
                .as("1 member < mutation_2pc_min_replica_count 2")
                .isEqualTo(ErrorCode.ERR_NOT_ENOUGH_MEMBER);

        sim.addSecondary(sim.node(2));
        long secondaryWrite = sim.write(sim.node(2), "z");
        assertThat(sim.reply(secondaryWrite).error()).isEqualTo(ErrorCode.ERR_INVALID_STATE);

        byte[] big = new byte[sim.options.maxAllowedWriteSize() + 1];
        long tooBig = 999;
        sim.step(n1, new Event.ClientWrite(List.of(new MutationUpdate(SimCluster.PUT, big, tooBig))));
        assertThat(sim.reply(tooBig).error()).isEqualTo(ErrorCode.ERR_INVALID_DATA);

        long ok = sim.write(n1, "ok");
        sim.deliverAll();
        assertThat(sim.reply(ok).error()).isEqualTo(ErrorCode.ERR_OK);
    }

    @Test
    void derivedMinReplicaCountLetsASingleReplicaTableWrite() {
        ReplicaOptions derived = ReplicaOptions.defaults().withMinReplicaCount(0);
        assertThat(derived.minReplicaCount(1)).isEqualTo(1);
        assertThat(derived.minReplicaCount(2)).isEqualTo(1);
        assertThat(derived.minReplicaCount(3)).isEqualTo(2);
        assertThat(derived.minReplicaCount(5)).isEqualTo(3);
        assertThat(ReplicaOptions.defaults().minReplicaCount(5)).isEqualTo(2);

        SimCluster sim = new SimCluster(1, 1, derived);
        HostPort n1 = sim.node(1);
        sim.propose(n1, ConfigType.CT_ASSIGN_PRIMARY, n1);
        sim.deliverAll();
        // The fake meta's table has 3 replicas: derived minimum 2.
        assertThat(sim.reply(sim.write(n1, "x")).error()).isEqualTo(ErrorCode.ERR_NOT_ENOUGH_MEMBER);
    }
}
