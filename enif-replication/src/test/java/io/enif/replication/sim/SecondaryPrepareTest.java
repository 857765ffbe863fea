package io.enif.replication.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.replication.Mutation;
import io.enif.replication.MutationUpdate;
import io.enif.replication.PartitionStatus;
import io.enif.replication.event.Event;
import io.enif.replication.message.AssignedRole;
import io.enif.replication.message.ReplicaMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A secondary's prepare rules (spec §6.6). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SecondaryPrepareTest {

    private static Mutation mutation(long ballot, long decree, long committed, String value) {
        return new Mutation(
                SimCluster.GPID,
                ballot,
                decree,
                committed,
                decree,
                List.of(new MutationUpdate(SimCluster.PUT, value.getBytes(StandardCharsets.UTF_8), 7)));
    }

    private static List<ReplicaMessage.PrepareAck> acksTo(SimCluster sim, HostPort to) {
        List<ReplicaMessage.PrepareAck> acks = new ArrayList<>();
        for (SimNetwork.Envelope e : sim.network.inFlight()) {
            if (e.to().equals(to) && e.message() instanceof ReplicaMessage.PrepareAck ack) {
                acks.add(ack);
            }
        }
        return acks;
    }

    @Test
    void prepareOfALowerBallotIsIgnored() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort n1 = sim.node(1);
        HostPort n2 = sim.node(2);
        long ballot = sim.replica(n2).ballot();
        long next = sim.replica(n2).lastPreparedDecree() + 1;

        Mutation old = mutation(ballot - 1, next, 0, "stale");
        sim.step(
                n2,
                new Event.MessageReceived(
                        n1,
                        new ReplicaMessage.Prepare(
                                new AssignedRole(ballot - 1, n1, PartitionStatus.SECONDARY, 0), old)));

        assertThat(sim.network.inFlight()).as("no answer at all").isEmpty();
        assertThat(sim.sim(n2).pendingAppends).isEmpty();
        assertThat(sim.replica(n2).lastPreparedDecree()).isEqualTo(next - 1);
        assertThat(sim.replica(n2).ballot()).isEqualTo(ballot);
    }

    @Test
    void prepareOfAHigherBallotAdoptsTheSendersConfiguration() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort n2 = sim.node(2);
        HostPort n3 = sim.node(3);
        long ballot = sim.replica(n2).ballot() + 2;
        long committed = sim.replica(n2).lastCommittedDecree();

        sim.step(
                n2,
                new Event.MessageReceived(
                        n3,
                        new ReplicaMessage.Prepare(
                                new AssignedRole(ballot, n3, PartitionStatus.SECONDARY, 0),
                                mutation(ballot, committed + 1, committed, "x"))));

        assertThat(sim.replica(n2).ballot()).isEqualTo(ballot);
        assertThat(sim.replica(n2).configuration().primary()).isEqualTo(n3);
        assertThat(acksTo(sim, n3)).as("acked only once logged").isEmpty();
        sim.completeLog(n2);
        assertThat(acksTo(sim, n3)).singleElement().satisfies(ack -> {
            assertThat(ack.error()).isEqualTo(ErrorCode.ERR_OK);
            assertThat(ack.ballot()).isEqualTo(ballot);
            assertThat(ack.decree()).isEqualTo(committed + 1);
        });
    }

    @Test
    void committedDecreeIsAckedAtOnce() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort n1 = sim.node(1);
        HostPort n2 = sim.node(2);
        sim.write(n1, "a");
        sim.deliverAll();
        sim.write(n1, "b"); // carries the commit point of "a" to n2
        sim.deliverAll();
        long ballot = sim.replica(n2).ballot();
        long committedA = sim.replica(n2).lastCommittedDecree();
        assertThat(committedA).isPositive();

        sim.step(
                n2,
                new Event.MessageReceived(
                        n1,
                        new ReplicaMessage.Prepare(
                                new AssignedRole(ballot, n1, PartitionStatus.SECONDARY, 0),
                                mutation(ballot, committedA, committedA - 1, "a"))));
        assertThat(sim.sim(n2).pendingAppends).isEmpty();
        assertThat(acksTo(sim, n1))
                .singleElement()
                .satisfies(ack -> assertThat(ack.error()).isEqualTo(ErrorCode.ERR_OK));
    }

    @Test
    void duplicatedPreparesAreLoggedOnceAndAckedWhenLogged() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort n1 = sim.node(1);
        HostPort n2 = sim.node(2);
        sim.autoLog = false;
        long a = sim.write(n1, "a");
        SimNetwork.Envelope prepare = sim.network.inFlight().stream()
                .filter(e -> e.to().equals(n2))
                .findFirst()
                .orElseThrow();
        sim.deliverAll();
        sim.deliver(prepare); // a duplicate before the log completes: absorbed
        assertThat(sim.sim(n2).pendingAppends).hasSize(1);
        assertThat(acksTo(sim, n1)).isEmpty();

        sim.completeLog(n2);
        assertThat(acksTo(sim, n1)).hasSize(1);
        sim.deliver(prepare); // a duplicate after: acked again, harmlessly
        assertThat(acksTo(sim, n1)).hasSize(2);
        assertThat(sim.sim(n2).pendingAppends).isEmpty();

        sim.autoLog = true;
        sim.deliverAll();
        assertThat(sim.reply(a).error()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(sim.replies()).hasSize(1);
    }

    @Test
    void reorderedAndDuplicatedPreparesCommitInOrder() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort n1 = sim.node(1);
        HostPort n2 = sim.node(2);
        List<Long> requests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            requests.add(sim.write(n1, "v" + i));
        }
        // Deliver everything to n2 backwards, each twice.
        List<SimNetwork.Envelope> toN2 = new ArrayList<>(
                sim.network.inFlight().stream().filter(e -> e.to().equals(n2)).toList());
        sim.network.dropIf(e -> e.to().equals(n2));
        Collections.reverse(toN2);
        for (SimNetwork.Envelope e : toN2) {
            sim.deliver(e);
            sim.deliver(e);
        }
        assertThat(sim.sim(n2).pendingAppends).hasSize(5);
        sim.deliverAll();
        for (long r : requests) {
            assertThat(sim.reply(r).error()).isEqualTo(ErrorCode.ERR_OK);
        }
        sim.write(n1, "last");
        sim.deliverAll();
        assertThat(sim.appliedValues(n2)).containsExactly("v0", "v1", "v2", "v3", "v4");
        sim.assertNoDivergence();
    }

    @Test
    void secondaryCommitsOnlyWhatItHasLogged() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort n1 = sim.node(1);
        HostPort n2 = sim.node(2);
        long ballot = sim.replica(n2).ballot();
        long base = sim.replica(n2).lastCommittedDecree();
        AssignedRole role = new AssignedRole(ballot, n1, PartitionStatus.SECONDARY, 0);
        sim.autoLog = false;

        sim.step(
                n2,
                new Event.MessageReceived(n1, new ReplicaMessage.Prepare(role, mutation(ballot, base + 1, base, "a"))));
        // The next prepare says "a" is committed, but n2's log has not written it yet.
        sim.step(
                n2,
                new Event.MessageReceived(
                        n1, new ReplicaMessage.Prepare(role, mutation(ballot, base + 2, base + 1, "b"))));
        assertThat(sim.replica(n2).lastCommittedDecree()).isEqualTo(base);
        sim.completeLog(n2, 1);
        assertThat(sim.replica(n2).lastCommittedDecree()).isEqualTo(base + 1);
        assertThat(sim.appliedValues(n2)).containsExactly("a");
    }

    @Test
    void inactiveReplicaRefusesPrepares() {
        SimCluster sim = SimCluster.of(3);
        sim.bootstrap();
        HostPort n1 = sim.node(1);
        HostPort n3 = sim.node(3);
        HostPort fresh = sim.addNode(); // never a member: not transient
        long ballot = sim.replica(n1).ballot();
        Mutation m = mutation(ballot, 1, 0, "x");
        sim.step(
                fresh,
                new Event.MessageReceived(
                        n1, new ReplicaMessage.Prepare(new AssignedRole(ballot, n1, PartitionStatus.SECONDARY, 0), m)));
        assertThat(acksTo(sim, n1))
                .singleElement()
                .satisfies(ack -> assertThat(ack.error()).isEqualTo(ErrorCode.ERR_INVALID_STATE));
        assertThat(sim.replica(fresh).status()).isEqualTo(PartitionStatus.INACTIVE);
        sim.network.dropIf(e -> true);

        sim.step(n3, new Event.LeaseExpired());
        sim.step(
                n3,
                new Event.MessageReceived(
                        n1, new ReplicaMessage.Prepare(new AssignedRole(ballot, n1, PartitionStatus.SECONDARY, 0), m)));
        assertThat(acksTo(sim, n1))
                .singleElement()
                .satisfies(ack -> assertThat(ack.error()).isEqualTo(ErrorCode.ERR_INACTIVE_STATE));
    }
}
