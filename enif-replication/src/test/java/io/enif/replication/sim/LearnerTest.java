package io.enif.replication.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.replication.ConfigType;
import io.enif.replication.Mutation;
import io.enif.replication.MutationUpdate;
import io.enif.replication.PartitionStatus;
import io.enif.replication.Replica;
import io.enif.replication.event.Event;
import io.enif.replication.learn.LearnType;
import io.enif.replication.learn.LearnerStatus;
import io.enif.replication.message.ReplicaMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Adding a secondary through the learner protocol (spec §6.9). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LearnerTest {

    private static List<String> write(SimCluster sim, HostPort primary, int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String v = "v" + i;
            values.add(v);
            long r = sim.write(primary, v);
            sim.deliverAll();
            assertThat(sim.reply(r).error()).isEqualTo(ErrorCode.ERR_OK);
        }
        return values;
    }

    private static List<LearnType> learnReplies(SimCluster sim, HostPort learner) {
        List<LearnType> types = new ArrayList<>();
        for (SimNetwork.Envelope e : sim.delivered) {
            if (e.to().equals(learner) && e.message() instanceof ReplicaMessage.LearnReply reply) {
                types.add(reply.type());
            }
        }
        return types;
    }

    @Test
    void learnerCatchesUpFromTheCacheAndIsUpgraded() {
        SimCluster sim = SimCluster.of(3);
        HostPort n1 = sim.node(1);
        HostPort n2 = sim.node(2);
        HostPort n3 = sim.node(3);
        sim.propose(n1, ConfigType.CT_ASSIGN_PRIMARY, n1);
        sim.deliverAll();
        sim.addSecondary(n2);
        List<String> values = write(sim, n1, 5);

        sim.propose(n1, ConfigType.CT_ADD_SECONDARY, n3);
        assertThat(sim.replica(n1).configuration().learners()).containsExactly(n3);
        sim.deliverAll();

        assertThat(learnReplies(sim, n3)).containsExactly(LearnType.LT_CACHE);
        assertThat(sim.transfers).isEmpty();
        assertThat(sim.replica(n3).status()).isEqualTo(PartitionStatus.SECONDARY);
        assertThat(sim.meta.stored().secondaries()).containsExactly(n2, n3);
        assertThat(sim.meta.history().get(sim.meta.history().size() - 1).type())
                .isEqualTo(ConfigType.CT_UPGRADE_TO_SECONDARY);
        assertThat(sim.replica(n1).configuration().learners()).isEmpty();
        assertThat(sim.appliedValues(n3)).containsExactlyElementsOf(values);

        long after = sim.write(n1, "after");
        sim.deliverAll();
        assertThat(sim.reply(after).error()).isEqualTo(ErrorCode.ERR_OK);
        sim.assertNoDivergence();
    }

    @Test
    void learnerReplaysTheLogWhenTheCacheNoLongerHoldsItsStart() {
        SimCluster sim = SimCluster.of(3);
        HostPort n1 = sim.node(1);
        HostPort n3 = sim.node(3);
        sim.propose(n1, ConfigType.CT_ASSIGN_PRIMARY, n1);
        sim.deliverAll();
        sim.addSecondary(sim.node(2));
        List<String> values = write(sim, n1, sim.options.maxMutationCountInPrepareList() + 20);

        sim.addSecondary(n3);

        assertThat(learnReplies(sim, n3)).containsExactly(LearnType.LT_LOG, LearnType.LT_CACHE);
        assertThat(sim.transfers).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(LearnType.LT_LOG);
            assertThat(t.fromDecreeExclusive()).isZero();
            assertThat(t.learnee()).isEqualTo(n1);
        });
        assertThat(sim.replica(n3).status()).isEqualTo(PartitionStatus.SECONDARY);
        assertThat(sim.appliedValues(n3)).containsExactlyElementsOf(values);
    }

    @Test
    void learnerStartsFromACheckpointWhenTheLogWasCollected() {
        SimCluster sim = SimCluster.of(3);
        HostPort n1 = sim.node(1);
        HostPort n3 = sim.node(3);
        sim.propose(n1, ConfigType.CT_ASSIGN_PRIMARY, n1);
        sim.deliverAll();
        sim.addSecondary(sim.node(2));
        List<String> values = write(sim, n1, sim.options.maxMutationCountInPrepareList() + 20);
        long durable = sim.replica(n1).lastCommittedDecree() - 10;
        sim.step(n1, new Event.StorageProgress(durable, durable + 1));

        sim.addSecondary(n3);

        assertThat(sim.transfers).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(LearnType.LT_APP);
            assertThat(t.toDecreeInclusive()).isEqualTo(durable);
        });
        assertThat(learnReplies(sim, n3)).containsExactly(LearnType.LT_APP, LearnType.LT_CACHE);
        assertThat(sim.replica(n3).status()).isEqualTo(PartitionStatus.SECONDARY);
        assertThat(sim.appliedValues(n3)).containsExactlyElementsOf(values);
    }

    @Test
    void learnerStillCopyingAsksThePrimaryToRetryPrepares() {
        SimCluster sim = SimCluster.of(3);
        sim.autoLearn = false;
        HostPort n1 = sim.node(1);
        HostPort n3 = sim.node(3);
        sim.propose(n1, ConfigType.CT_ASSIGN_PRIMARY, n1);
        sim.deliverAll();
        sim.addSecondary(sim.node(2));
        write(sim, n1, sim.options.maxMutationCountInPrepareList() + 5);
        sim.addSecondary(n3);
        assertThat(sim.replica(n3).learnerStatus()).isEqualTo(LearnerStatus.WITHOUT_PREPARE);

        long signature = sim.replica(n1).ballot() << 32 | 1;
        Mutation m = new Mutation(
                SimCluster.GPID,
                sim.replica(n1).ballot(),
                1000,
                999,
                1,
                List.of(new MutationUpdate(SimCluster.PUT, "x".getBytes(StandardCharsets.UTF_8), 1)));
        sim.step(
                n3,
                new Event.MessageReceived(
                        n1,
                        new ReplicaMessage.Prepare(
                                new io.enif.replication.message.AssignedRole(
                                        sim.replica(n1).ballot(), n1, PartitionStatus.POTENTIAL_SECONDARY, signature),
                                m)));
        assertThat(sim.network.inFlight())
                .filteredOn(e -> e.message() instanceof ReplicaMessage.PrepareAck)
                .singleElement()
                .satisfies(e -> assertThat(((ReplicaMessage.PrepareAck) e.message()).error())
                        .isEqualTo(ErrorCode.ERR_TRY_AGAIN));

        sim.autoLearn = true;
        sim.deliverAll();
        assertThat(sim.replica(n3).status()).isEqualTo(PartitionStatus.SECONDARY);
    }

    @Test
    void learnerThatMissesAGroupCheckIsDropped() {
        SimCluster sim = SimCluster.of(3);
        HostPort n1 = sim.node(1);
        HostPort n3 = sim.node(3);
        sim.propose(n1, ConfigType.CT_ASSIGN_PRIMARY, n1);
        sim.deliverAll();
        sim.addSecondary(sim.node(2));
        // n3 is invited, but its learn request is lost; then it dies.
        sim.propose(n1, ConfigType.CT_ADD_SECONDARY, n3);
        sim.network.block(n3, n1);
        sim.deliverAll();
        sim.network.unblock(n3, n1);
        sim.network.dropIf(e -> e.from().equals(n3));
        sim.deliverAll();
        assertThat(sim.replica(n1).configuration().learners()).containsExactly(n3);

        sim.crash(n3);
        long a = sim.write(n1, "a");
        sim.deliverAll();
        // The learner is not on the prepare stream yet (its learn request was lost), so the write does not wait.
        assertThat(sim.reply(a).error()).isEqualTo(ErrorCode.ERR_OK);
        sim.runFor(sim.options.groupCheckIntervalMs() + sim.options.prepareTimeoutMsForPotentialSecondaries(), 1000);
        assertThat(sim.replica(n1).configuration().learners())
                .as("dropped after a failed group check")
                .isEmpty();
        assertThat(sim.replica(n1).status()).isEqualTo(PartitionStatus.PRIMARY);
        assertThat(sim.meta.stored().secondaries()).containsExactly(sim.node(2));
    }

    @Test
    void learnerOnThePrepareStreamThatStopsAnsweringIsDropped() {
        SimCluster sim = SimCluster.of(3);
        HostPort n1 = sim.node(1);
        HostPort n3 = sim.node(3);
        sim.propose(n1, ConfigType.CT_ASSIGN_PRIMARY, n1);
        sim.deliverAll();
        sim.addSecondary(sim.node(2));
        sim.propose(n1, ConfigType.CT_ADD_SECONDARY, n3);
        // Deliver until n3 is on the prepare stream, but lose its completion notice.
        while (sim.replica(n3).learnerStatus() != LearnerStatus.SUCCEEDED) {
            sim.deliver(sim.network.takeOldest());
            sim.completeLog(n3);
        }
        sim.network.dropIf(e -> e.message() instanceof ReplicaMessage.LearnCompletionNotify);
        sim.crash(n3);

        long a = sim.write(n1, "a");
        sim.deliverAll();
        assertThat(sim.reply(a)).as("waits for the learner's ack").isNull();
        sim.tick(sim.options.prepareTimeoutMsForPotentialSecondaries());
        sim.deliverAll();
        assertThat(sim.reply(a).error()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(sim.replica(n1).configuration().learners()).isEmpty();
        assertThat(sim.meta.history())
                .extracting(FakeMeta.Change::type)
                .doesNotContain(ConfigType.CT_DOWNGRADE_TO_INACTIVE);
    }

    @Test
    void learnerWithALostHistoryStartsOver() {
        SimCluster sim = SimCluster.of(3);
        HostPort n1 = sim.node(1);
        HostPort n3 = sim.node(3);
        sim.propose(n1, ConfigType.CT_ASSIGN_PRIMARY, n1);
        sim.deliverAll();
        sim.addSecondary(sim.node(2));
        List<String> values = write(sim, n1, 3);
        // n3 holds 50 decrees of a history nobody else knows.
        SimNode node = sim.sim(n3);
        for (long d = 1; d <= 50; d++) {
            node.applied.put(d, Mutation.empty(SimCluster.GPID, 1, d, d - 1, d));
        }
        node.replica = Replica.recover(SimCluster.GPID, n3, sim.options, 50, List.of());
        sim.step(n3, new Event.Tick(sim.now));

        sim.addSecondary(n3);

        assertThat(sim.replica(n3).status()).isEqualTo(PartitionStatus.SECONDARY);
        assertThat(sim.appliedValues(n3)).containsExactlyElementsOf(values);
        assertThat(node.appliedUpTo()).isEqualTo(sim.replica(n1).lastCommittedDecree());
        sim.assertNoDivergence();
    }

    @Test
    void addSecondaryIsIgnoredWhenTheGroupIsFull() {
        SimCluster sim = new SimCluster(4, 7, io.enif.replication.ReplicaOptions.defaults());
        sim.bootstrap(); // n1 primary; n2, n3 secondaries; n4 was refused (table of 3 replicas)
        assertThat(sim.meta.stored().secondaries()).containsExactly(sim.node(2), sim.node(3));
        assertThat(sim.replica(sim.node(4)).status()).isEqualTo(PartitionStatus.INACTIVE);
        // The balancer's variant allows one extra learner.
        sim.propose(sim.node(1), ConfigType.CT_ADD_SECONDARY_FOR_LB, sim.node(4));
        assertThat(sim.replica(sim.node(1)).configuration().learners()).containsExactly(sim.node(4));
    }

    @Test
    void learnerIsUpgradedOnlyOnceItAckedEveryPrepareSentToIt() {
        SimCluster sim = SimCluster.of(3);
        HostPort n1 = sim.node(1);
        HostPort n2 = sim.node(2);
        HostPort n3 = sim.node(3);
        sim.propose(n1, ConfigType.CT_ASSIGN_PRIMARY, n1);
        sim.deliverAll();
        sim.addSecondary(n2);
        sim.network.block(n1, n2); // these writes stay prepared, not committed
        long a = sim.write(n1, "a");
        long b = sim.write(n1, "b");
        sim.deliverAll();

        sim.propose(n1, ConfigType.CT_ADD_SECONDARY, n3);
        SimNetwork.Envelope e;
        do {
            e = sim.network.takeOldest();
            sim.deliver(e);
        } while (!(e.message() instanceof ReplicaMessage.LearnReply));
        sim.network.block(n1, n3); // the primary's replay of "a" and "b" to the learner is held up
        sim.deliverAll();

        assertThat(sim.replica(n3).learnerStatus()).isEqualTo(LearnerStatus.SUCCEEDED);
        assertThat(sim.delivered).anyMatch(d -> d.message() instanceof ReplicaMessage.LearnCompletionNotify);
        assertThat(sim.replica(n1).isReconfiguring())
                .as("a learner missing prepared decrees must not become a secondary")
                .isFalse();
        assertThat(sim.meta.stored().secondaries()).containsExactly(n2);

        sim.network.unblock(n1, n3);
        sim.deliverAll();
        assertThat(sim.meta.stored().secondaries()).containsExactly(n2, n3);
        assertThat(sim.replica(n3).lastPreparedDecree())
                .isEqualTo(sim.replica(n1).lastPreparedDecree());

        sim.network.unblock(n1, n2);
        sim.deliverAll();
        assertThat(sim.reply(a).error()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(sim.reply(b).error()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(sim.replica(n3).status()).isEqualTo(PartitionStatus.SECONDARY);
    }

    /** Delivers everything except the learner's completion notices, so it stays a learner. */
    private static void deliverKeepingLearner(SimCluster sim) {
        SimNetwork.Envelope e;
        while ((e = sim.network.takeOldest()) != null) {
            if (!(e.message() instanceof ReplicaMessage.LearnCompletionNotify)) {
                sim.deliver(e);
            }
            for (HostPort n : sim.nodes()) {
                sim.completeLog(n);
            }
        }
    }

    @Test
    void ackFromAnEarlierLearningRoundDoesNotCount() {
        SimCluster sim = SimCluster.of(3);
        HostPort n1 = sim.node(1);
        HostPort n3 = sim.node(3);
        sim.propose(n1, ConfigType.CT_ASSIGN_PRIMARY, n1);
        sim.deliverAll();
        sim.addSecondary(sim.node(2));
        sim.propose(n1, ConfigType.CT_ADD_SECONDARY, n3);
        deliverKeepingLearner(sim);
        assertThat(sim.replica(n3).learnerStatus()).isEqualTo(LearnerStatus.SUCCEEDED);

        // "b" stays uncommitted (n2 does not get it); the learner logs it and acks, but the ack is held back.
        sim.network.block(n1, sim.node(2));
        sim.write(n1, "b");
        SimNetwork.Envelope staleAck = null;
        while (staleAck == null) {
            SimNetwork.Envelope next = sim.network.takeOldest();
            if (next.from().equals(n3) && next.message() instanceof ReplicaMessage.PrepareAck) {
                staleAck = next;
            } else {
                sim.deliver(next);
                sim.completeLog(n3);
            }
        }

        // The primary drops the learner and invites it again: a new round, in which the learner drops "b".
        sim.propose(n1, ConfigType.CT_REMOVE, n3);
        sim.propose(n1, ConfigType.CT_ADD_SECONDARY, n3);
        SimNetwork.Envelope e;
        do {
            e = sim.network.takeOldest();
            sim.deliver(e);
        } while (!(e.message() instanceof ReplicaMessage.LearnReply));
        sim.network.block(n1, n3); // the replay of "b" to the learner is held up
        sim.deliver(staleAck);
        deliverKeepingLearner(sim);
        sim.step(
                n1,
                new Event.MessageReceived(
                        n3,
                        new ReplicaMessage.LearnCompletionNotify(
                                sim.replica(n3).configuration().ballot() << 32 | 2, 0)));

        assertThat(sim.replica(n3).learnerStatus()).isEqualTo(LearnerStatus.SUCCEEDED);
        assertThat(sim.replica(n3).lastPreparedDecree())
                .as("the learner dropped b")
                .isLessThan(sim.replica(n1).lastPreparedDecree());
        assertThat(sim.replica(n1).isReconfiguring())
                .as("the old round's ack must not make the primary think the learner has b")
                .isFalse();
    }
}
