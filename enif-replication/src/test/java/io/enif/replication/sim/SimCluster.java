package io.enif.replication.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.replication.ConfigType;
import io.enif.replication.Mutation;
import io.enif.replication.MutationUpdate;
import io.enif.replication.PartitionStatus;
import io.enif.replication.Replica;
import io.enif.replication.ReplicaOptions;
import io.enif.replication.event.Event;
import io.enif.replication.learn.LearnType;
import io.enif.replication.ready.Ready;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic in-memory cluster of replica cores for one partition: a {@link SimNetwork}, a fake log and storage
 * per node ({@link SimNode}) and a {@link FakeMeta}. It plays the driver: after every step it takes the core's
 * {@link Ready} and carries it out in the documented order.
 *
 * <p>Everything is single-threaded and seeded: a failing run replays from its seed.
 */
final class SimCluster {
    static final Gpid GPID = new Gpid(1, 0);
    static final String PUT = "RPC_RRDB_RRDB_PUT";

    final Random random;
    final SimNetwork network;
    final FakeMeta meta;
    final ReplicaOptions options;
    private final Map<HostPort, SimNode> nodes = new LinkedHashMap<>();
    private final Map<Long, Ready.ClientReply> replies = new HashMap<>();
    private final Map<Long, String> writes = new HashMap<>();
    /** Every message delivered to a live node, in delivery order. */
    final List<SimNetwork.Envelope> delivered = new ArrayList<>();
    /** Every learned-state transfer carried out. */
    final List<Ready.ApplyLearnedState> transfers = new ArrayList<>();
    /** Every meta request sent, with its sender. */
    final List<Map.Entry<HostPort, Ready.MetaRequest>> metaRequests = new ArrayList<>();

    private long nextRequestId = 1;
    long now;
    /** Complete log appends by themselves in {@link #deliverAll}. */
    boolean autoLog = true;
    /** Complete learned-state transfers by themselves in {@link #deliverAll}. */
    boolean autoLearn = true;

    SimCluster(int size, long seed, ReplicaOptions options) {
        this.random = new Random(seed);
        this.network = new SimNetwork(random);
        this.meta = new FakeMeta(GPID, 3);
        this.options = options;
        for (int i = 1; i <= size; i++) {
            addNode();
        }
    }

    static SimCluster of(int size) {
        return new SimCluster(size, 42, ReplicaOptions.defaults());
    }

    /** Adds an empty replica server. */
    HostPort addNode() {
        int i = nodes.size() + 1;
        HostPort id = new HostPort("n" + i, 34800 + i);
        SimNode node = new SimNode(id, Replica.create(GPID, id, options));
        nodes.put(id, node);
        step(id, new Event.Tick(now));
        step(id, new Event.LeaseGranted(Long.MAX_VALUE));
        return id;
    }

    HostPort node(int i) {
        return new ArrayList<>(nodes.keySet()).get(i - 1);
    }

    List<HostPort> nodes() {
        return new ArrayList<>(nodes.keySet());
    }

    SimNode sim(HostPort id) {
        return nodes.get(id);
    }

    Replica replica(HostPort id) {
        return nodes.get(id).replica;
    }

    /** The node whose replica is primary now (alive), or {@code null}. */
    HostPort primary() {
        for (SimNode n : nodes.values()) {
            if (n.alive && n.replica.status() == PartitionStatus.PRIMARY) {
                return n.id;
            }
        }
        return null;
    }

    // ---- driving ----

    /** Feeds one event to a node and carries out what it asks. */
    void step(HostPort id, Event event) {
        SimNode node = nodes.get(id);
        if (!node.alive) {
            return;
        }
        String before = trace.enabled() ? node.replica.toString() : null;
        node.replica.step(event);
        trace.step(now, id, event, before, node.replica);
        drain(node);
    }

    private void drain(SimNode node) {
        while (node.replica.hasReady()) {
            Ready ready = node.replica.ready();
            trace.ready(ready);
            if (ready.discardLocalData()) {
                node.applied.clear();
                node.pendingAppends.clear();
                node.durableLog.clear();
            }
            node.pendingAppends.addAll(ready.logAppends());
            for (Ready.Outgoing out : ready.messages()) {
                network.send(node.id, out.to(), out.message());
            }
            for (Mutation m : ready.commits()) {
                assertThat(m.decree())
                        .as("%s applies decrees in order", node.id)
                        .isEqualTo(node.appliedUpTo() + 1);
                node.applied.put(m.decree(), m);
            }
            for (Ready.ClientReply reply : ready.replies()) {
                assertThat(replies)
                        .as("request %d answered once", reply.requestId())
                        .doesNotContainKey(reply.requestId());
                replies.put(reply.requestId(), reply);
            }
            for (Ready.MetaRequest request : ready.metaRequests()) {
                metaRequests.add(Map.entry(node.id, request));
                if (request instanceof Ready.UpdateConfiguration update) {
                    FakeMeta.ReplyAndConfig answer = meta.update(update);
                    pendingMetaReplies.add(new MetaReply(node.id, answer));
                } else {
                    pendingMetaReplies.add(new MetaReply(node.id, null));
                }
            }
            node.pendingTransfers.addAll(ready.learnTransfers());
            node.replica.advance(ready);
        }
    }

    private record MetaReply(HostPort to, FakeMeta.ReplyAndConfig answer) {}

    private final List<MetaReply> pendingMetaReplies = new ArrayList<>();

    /** Delivers the meta server's pending answers. */
    boolean deliverMetaReplies() {
        if (pendingMetaReplies.isEmpty()) {
            return false;
        }
        List<MetaReply> batch = new ArrayList<>(pendingMetaReplies);
        pendingMetaReplies.clear();
        for (MetaReply r : batch) {
            if (r.answer() == null) {
                step(r.to(), new Event.ConfigurationSync(meta.stored()));
            } else {
                step(
                        r.to(),
                        new Event.ConfigurationUpdateReply(
                                r.answer().error(), r.answer().config()));
            }
        }
        return true;
    }

    /** Loses one of the meta server's pending answers (its requester must ask again). */
    void dropRandomMetaReply() {
        if (!pendingMetaReplies.isEmpty()) {
            pendingMetaReplies.remove(random.nextInt(pendingMetaReplies.size()));
        }
    }

    /** Fails the oldest pending learned-state transfer of a node (copying failed). */
    boolean failTransfer(HostPort id) {
        SimNode node = nodes.get(id);
        Ready.ApplyLearnedState transfer = node.pendingTransfers.poll();
        if (transfer == null || !node.alive) {
            return false;
        }
        step(id, new Event.LearnedStateFailed(transfer.signature(), ErrorCode.ERR_FILE_OPERATION_FAILED));
        return true;
    }

    /** Cuts every link between {@code id} and the other replicas (the meta server still reaches it). */
    void isolate(HostPort id) {
        for (HostPort other : nodes.keySet()) {
            if (!other.equals(id)) {
                network.block(id, other);
                network.block(other, id);
            }
        }
    }

    /** Restores every link of {@code id}. */
    void reconnect(HostPort id) {
        for (HostPort other : nodes.keySet()) {
            network.unblock(id, other);
            network.unblock(other, id);
        }
    }

    /** Completes every pending log append of a node, oldest first. */
    boolean completeLog(HostPort id) {
        return completeLog(id, Integer.MAX_VALUE);
    }

    /** Completes up to {@code count} pending log appends of a node, oldest first. */
    boolean completeLog(HostPort id, int count) {
        SimNode node = nodes.get(id);
        boolean any = false;
        while (node.alive && count-- > 0 && !node.pendingAppends.isEmpty()) {
            Mutation m = node.pendingAppends.poll();
            node.durableLog.add(m);
            step(id, new Event.LogAppended(m.ballot(), m.decree()));
            any = true;
        }
        return any;
    }

    /** Finishes the oldest pending learned-state transfer of a node by copying from the learnee's storage. */
    boolean completeTransfer(HostPort id) {
        SimNode node = nodes.get(id);
        Ready.ApplyLearnedState transfer = node.pendingTransfers.poll();
        if (transfer == null || !node.alive) {
            return false;
        }
        transfers.add(transfer);
        SimNode learnee = nodes.get(transfer.learnee());
        if (transfer.type() == LearnType.LT_APP) {
            node.applied.clear();
            node.applied.putAll(learnee.applied.headMap(transfer.toDecreeInclusive(), true));
        } else {
            node.applied.putAll(
                    learnee.applied.subMap(transfer.fromDecreeExclusive(), false, transfer.toDecreeInclusive(), true));
        }
        assertThat(node.appliedUpTo()).isEqualTo(transfer.toDecreeInclusive());
        step(id, new Event.LearnedStateApplied(transfer.signature(), transfer.toDecreeInclusive()));
        return true;
    }

    /** Delivers one message (dropped if its receiver is dead). */
    void deliver(SimNetwork.Envelope e) {
        if (nodes.get(e.to()).alive) {
            delivered.add(e);
            step(e.to(), new Event.MessageReceived(e.from(), e.message()));
        }
    }

    /** Runs until nothing is left to do: messages in order, log completions, meta answers, transfers. */
    void deliverAll() {
        for (int rounds = 0; rounds < 1_000_000; rounds++) {
            SimNetwork.Envelope e = network.takeOldest();
            if (e != null) {
                deliver(e);
                continue;
            }
            boolean progress = deliverMetaReplies();
            for (HostPort id : nodes.keySet()) {
                if (autoLog) {
                    progress |= completeLog(id);
                }
                if (autoLearn) {
                    progress |= completeTransfer(id);
                }
            }
            if (!progress) {
                return;
            }
        }
        throw new AssertionError("the cluster does not settle");
    }

    /** Lets {@code ms} milliseconds pass (one tick), then settles. */
    void tick(long ms) {
        now += ms;
        for (HostPort id : nodes.keySet()) {
            step(id, new Event.Tick(now));
        }
    }

    /** Advances time in steps of {@code stepMs} up to {@code totalMs}, settling after each. */
    void runFor(long totalMs, long stepMs) {
        for (long t = 0; t < totalMs; t += stepMs) {
            tick(stepMs);
            deliverAll();
        }
    }

    /** Prints every step when {@code SIM_TRACE} is set (to debug a seed). */
    final SimTrace trace = new SimTrace(System.getenv("SIM_TRACE") != null);

    // ---- faults ----

    /** Kills a node: it stops, its unlogged appends are lost and messages to it vanish. */
    void crash(HostPort id) {
        SimNode node = nodes.get(id);
        node.alive = false;
        node.pendingAppends.clear();
        network.dropIf(e -> e.to().equals(id) || e.from().equals(id));
    }

    /**
     * Restarts a crashed node: the replica reopens from what its storage applied and what its log wrote, and comes
     * back inactive; config sync with the meta server decides what it does next.
     */
    void restart(HostPort id) {
        SimNode node = nodes.get(id);
        node.alive = true;
        node.pendingTransfers.clear();
        node.replica = Replica.recover(GPID, id, options, node.appliedUpTo(), node.durableLog);
        step(id, new Event.Tick(now));
        step(id, new Event.LeaseGranted(Long.MAX_VALUE));
    }

    // ---- clients ----

    /** A client write of {@code value} sent to {@code id}; returns the request id. */
    long write(HostPort id, String value) {
        long requestId = nextRequestId++;
        writes.put(requestId, value);
        step(
                id,
                new Event.ClientWrite(
                        List.of(new MutationUpdate(PUT, value.getBytes(StandardCharsets.UTF_8), requestId))));
        return requestId;
    }

    /** The reply to a request, or {@code null} if none yet. */
    Ready.ClientReply reply(long requestId) {
        return replies.get(requestId);
    }

    Map<Long, Ready.ClientReply> replies() {
        return replies;
    }

    String writeValue(long requestId) {
        return writes.get(requestId);
    }

    /** The values a node applied, in decree order (empty writes skipped). */
    List<String> appliedValues(HostPort id) {
        List<String> values = new ArrayList<>();
        for (Mutation m : nodes.get(id).applied.values()) {
            for (MutationUpdate u : m.updates()) {
                values.add(new String(u.data(), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    // ---- the meta server ----

    /** Sends the meta server's proposal to {@code target}. */
    void propose(HostPort target, ConfigType type, HostPort node) {
        step(target, new Event.ConfigProposal(type, node, meta.stored()));
    }

    /** Config sync of {@code id}: it receives the stored configuration. */
    void configSync(HostPort id) {
        step(id, new Event.ConfigurationSync(meta.stored()));
    }

    /** Forms a group: {@code n1} primary, every other node added as a learner and upgraded to secondary. */
    void bootstrap() {
        HostPort first = node(1);
        propose(first, ConfigType.CT_ASSIGN_PRIMARY, first);
        deliverAll();
        for (int i = 2; i <= nodes.size(); i++) {
            addSecondary(node(i));
        }
    }

    /** Asks the primary to add {@code learner}; settles until it is a secondary. */
    void addSecondary(HostPort learner) {
        propose(meta.stored().primary(), ConfigType.CT_ADD_SECONDARY, learner);
        deliverAll();
    }

    /**
     * The meta server's failover: the dead primary is removed, then {@code successor} (a secondary) is told to
     * become primary.
     */
    void failover(HostPort deadPrimary, HostPort successor) {
        meta.nodeDied(deadPrimary);
        propose(successor, ConfigType.CT_UPGRADE_TO_PRIMARY, successor);
        deliverAll();
    }

    // ---- checks ----

    /** Every decree applied on more than one node holds the same writes everywhere. */
    void assertNoDivergence() {
        SimChecks.assertNoDivergence(nodes.values());
    }

    /** Every write acknowledged with {@code ERR_OK} is applied at its decree on {@code id}. */
    void assertAcknowledgedWritesApplied(HostPort id) {
        SimChecks.assertAcknowledgedWritesApplied(nodes.get(id), replies.values(), writes);
    }
}
