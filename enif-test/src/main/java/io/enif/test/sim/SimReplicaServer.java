package io.enif.test.sim;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.replication.ConfigType;
import io.enif.replication.Mutation;
import io.enif.replication.MutationUpdate;
import io.enif.replication.PartitionConfiguration;
import io.enif.replication.Replica;
import io.enif.replication.ReplicaOptions;
import io.enif.replication.event.Event;
import io.enif.replication.message.ReplicaMessage;
import io.enif.replication.ready.Ready;
import io.enif.test.history.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * One simulated replica server: it hosts a {@link Replica} core per partition and plays the driver, as the real
 * server's partition lanes do: it carries out each {@link Ready} in the documented order over a simulated private log
 * (appends complete after a disk delay; a crash loses the appends not synced yet, and what the storage applied after
 * its last flush), a {@link SimStore} per replica, the simulated network, beacons with the lease rule of the real
 * {@code MetaConnection}, config sync, and client requests.
 */
final class SimReplicaServer {
    private record Waiting(HostPort client, long id) {}

    final HostPort id;
    final SimClock clock;
    private final SimScheduler scheduler;
    private final SimNetwork network;
    private final Random random;
    private final SimConfig config;
    private final SimInvariants invariants;
    private final SimTrace trace;
    private final ReplicaOptions options;
    final Map<Gpid, SimHosted> hosted = new TreeMap<>();
    private final Map<Long, Waiting> waiting = new HashMap<>();
    private final Map<Long, Object> results = new HashMap<>();
    private long nextRequestId = 1;

    boolean alive;
    boolean slowDisk;
    boolean paused;
    /** What a paused process will do when it resumes, in order. */
    private final List<Runnable> backlog = new ArrayList<>();
    /** Messages that arrived while paused, in order. */
    private final List<Runnable> inbox = new ArrayList<>();

    private int incarnation;
    private long startTimeMs;
    private long lastAckedSendMs = Long.MIN_VALUE;
    private boolean connected;
    private long leaseUntilMs = Long.MIN_VALUE;

    SimReplicaServer(
            HostPort id,
            SimClock clock,
            SimScheduler scheduler,
            SimNetwork network,
            Random random,
            SimConfig config,
            SimInvariants invariants,
            SimTrace trace) {
        this.id = id;
        this.clock = clock;
        this.scheduler = scheduler;
        this.network = network;
        this.random = random;
        this.config = config;
        this.invariants = invariants;
        this.trace = trace;
        this.options = ReplicaOptions.defaults().withMinReplicaCount(2).withGroupCheck(1000, false);
        network.register(id, this::receive);
    }

    // ---- life cycle ----

    /** Starts (or restarts) the process: replicas reopen from their log and storage, timers start. */
    void start() {
        trace.log(id, () -> "start");
        alive = true;
        int life = ++incarnation;
        startTimeMs = clock.nowMs();
        connected = false;
        lastAckedSendMs = Long.MIN_VALUE;
        leaseUntilMs = Long.MIN_VALUE;
        for (SimHosted h : hosted.values()) {
            h.inFlight.clear();
            h.replica = Replica.recover(h.gpid, id, options, h.store.appliedUpTo(), h.durableLog);
            h.replica.breakRulesForTesting(config.brokenRules());
            h.highestBallot = h.replica.ballot();
            step(h, new Event.Tick(clock.nowMs()));
        }
        every(life, config.tickMs(), this::tickAll);
        every(life, config.beaconMs(), this::beacon);
        every(life, config.checkMs(), this::checkLease);
        // Storage flushes: often for most lives; for one in three, rarely, as RocksDB flushes a memtable only when it
        // fills, so a crash leaves far more of the log to replay than the prepare list's window holds.
        every(life, random.nextInt(3) == 0 ? 5000 + random.nextInt(15_000) : 200 + random.nextInt(800), this::flush);
        every(life, 5000, this::configSync);
    }

    /** Kills the process: unsynced appends may or may not have reached the disk, unflushed storage is lost. */
    void crash() {
        trace.log(id, () -> "crash");
        alive = false;
        paused = false;
        inbox.clear();
        backlog.clear();
        incarnation++;
        waiting.clear();
        results.clear();
        for (SimHosted h : hosted.values()) {
            int kept = h.inFlight.isEmpty() ? 0 : random.nextInt(h.inFlight.size() + 1);
            h.durableLog.addAll(h.inFlight.subList(0, kept));
            h.inFlight.clear();
            h.store.loseUnflushed();
        }
    }

    private void every(int life, long localMs, Runnable action) {
        clock.after(localMs, () -> {
            if (alive && incarnation == life) {
                whenRunning(() -> {
                    action.run();
                    every(life, localMs, action);
                });
            }
        });
    }

    /** Runs {@code action} now, or when a paused process resumes. */
    private void whenRunning(Runnable action) {
        if (paused) {
            backlog.add(action);
        } else {
            action.run();
        }
    }

    /**
     * Freezes the process (a long GC pause, SIGSTOP): it handles nothing, its timers and disk completions wait, and
     * what arrives queues up. Its clock keeps running.
     */
    void pause() {
        trace.log(id, () -> "pause");
        paused = true;
    }

    /**
     * Resumes a paused process: it handles the messages that queued up at once, and its overdue timers and disk
     * completions each within the next 30 ms, in random order (threads get the processor back in no set order).
     */
    void resume() {
        if (!paused) {
            return;
        }
        trace.log(id, () -> "resume");
        paused = false;
        List<Runnable> messages = new ArrayList<>(inbox);
        List<Runnable> overdue = new ArrayList<>(backlog);
        inbox.clear();
        backlog.clear();
        int life = incarnation;
        for (Runnable r : messages) {
            if (alive && incarnation == life) {
                r.run();
            }
        }
        for (Runnable r : overdue) {
            scheduler.after(random.nextInt(30), () -> {
                if (alive && incarnation == life) {
                    whenRunning(r);
                }
            });
        }
    }

    private void tickAll() {
        hosted.values().forEach(h -> step(h, new Event.Tick(clock.nowMs())));
    }

    private void flush() {
        for (SimHosted h : hosted.values()) {
            h.store.flush();
            long firstLog = Math.max(1, h.store.flushedDecree() - 30);
            step(h, new Event.StorageProgress(h.store.flushedDecree(), Math.min(firstLog, firstLogged(h))));
        }
    }

    private static long firstLogged(SimHosted h) {
        return h.durableLog.stream().mapToLong(Mutation::decree).min().orElse(1);
    }

    // ---- the meta server link ----

    private void beacon() {
        network.send(id, SimMeta.ADDRESS, new SimMessages.Beacon(clock.nowMs(), startTimeMs));
    }

    private void onBeaconAck(SimMessages.BeaconAck ack) {
        if (!ack.allowed() || ack.sentMs() <= lastAckedSendMs) {
            return;
        }
        lastAckedSendMs = ack.sentMs();
        if (clock.nowMs() + config.checkMs() - ack.sentMs() > config.leaseMs()) {
            return; // acked too late to count
        }
        leaseUntilMs = ack.sentMs() + config.leaseMs();
        hosted.values().forEach(h -> step(h, new Event.LeaseGranted(leaseUntilMs)));
        if (!connected) {
            connected = true;
            configSync();
        }
    }

    private void checkLease() {
        if (connected && clock.nowMs() + config.checkMs() - lastAckedSendMs > config.leaseMs()) {
            connected = false;
            leaseUntilMs = Long.MIN_VALUE;
            hosted.values().forEach(h -> step(h, new Event.LeaseExpired()));
        }
    }

    private void configSync() {
        if (connected) {
            sendConfigSync();
        }
    }

    private void sendConfigSync() {
        List<SimMessages.StoredReplica> stored = new ArrayList<>();
        for (SimHosted h : hosted.values()) {
            stored.add(new SimMessages.StoredReplica(
                    h.gpid, h.replica.ballot(), h.replica.lastCommittedDecree(), h.replica.lastPreparedDecree()));
        }
        network.send(id, SimMeta.ADDRESS, new SimMessages.ConfigSync(stored, clock.nowMs()));
    }

    private void onConfigSync(SimMessages.ConfigSyncReply reply) {
        if (!reply.ok()) {
            return;
        }
        for (PartitionConfiguration pc : reply.memberOf()) {
            SimHosted h = hosted.get(pc.gpid());
            if (h != null) {
                step(h, new Event.ConfigurationSync(pc));
            } else if (pc.isMember(id)) {
                List<HostPort> secondaries = new ArrayList<>(pc.secondaries());
                secondaries.remove(id);
                HostPort primary = id.equals(pc.primary()) ? null : pc.primary();
                network.send(
                        id,
                        SimMeta.ADDRESS,
                        new SimMessages.UpdateRequest(
                                pc.gpid(),
                                new Ready.UpdateConfiguration(
                                        ConfigType.CT_DOWNGRADE_TO_INACTIVE,
                                        id,
                                        pc.next(primary, secondaries, pc.lastCommittedDecree()))));
            }
        }
    }

    // ---- messages ----

    private void receive(HostPort from, Object payload) {
        if (!alive) {
            return;
        }
        if (paused) {
            inbox.add(() -> receive(from, payload));
            return;
        }
        if (payload instanceof SimMessages.ToReplica r) {
            SimHosted h = hosted.get(r.gpid());
            if (h == null && SimReplicaRules.invitesLearner(r.message())) {
                h = host(r.gpid());
            }
            if (h != null) {
                step(h, new Event.MessageReceived(from, r.message()));
            } else {
                ReplicaMessage refusal = SimReplicaRules.refusalOfUnhosted(r.message());
                if (refusal != null) {
                    network.send(id, from, new SimMessages.ToReplica(r.gpid(), refusal));
                }
            }
        } else if (payload instanceof SimMessages.ToNode n && n.payload() instanceof SimMessages.Proposal p) {
            SimHosted h = hosted.get(n.gpid());
            if (h == null && p.type() == ConfigType.CT_ASSIGN_PRIMARY) {
                h = host(n.gpid());
            }
            if (h != null) {
                step(h, new Event.ConfigProposal(p.type(), p.node(), p.config()));
            }
        } else if (payload instanceof SimMessages.UpdateReply u) {
            SimHosted h = hosted.get(u.gpid());
            if (h != null) {
                step(h, new Event.ConfigurationUpdateReply(u.error(), u.config()));
            }
        } else if (payload instanceof SimMessages.BeaconAck ack) {
            onBeaconAck(ack);
        } else if (payload instanceof SimMessages.ConfigSyncReply reply) {
            onConfigSync(reply);
        } else if (payload instanceof SimMessages.ClientRequest request) {
            onClientRequest(from, request);
        }
    }

    private SimHosted host(Gpid gpid) {
        SimHosted h = new SimHosted(gpid, Replica.create(gpid, id, options));
        h.replica.breakRulesForTesting(config.brokenRules());
        hosted.put(gpid, h);
        step(h, new Event.Tick(clock.nowMs()));
        if (leaseUntilMs != Long.MIN_VALUE) {
            step(h, new Event.LeaseGranted(leaseUntilMs));
        }
        return h;
    }

    private void onClientRequest(HostPort client, SimMessages.ClientRequest request) {
        SimHosted h = hosted.get(request.gpid());
        if (h == null) {
            network.send(id, client, new SimMessages.ClientReply(request.id(), ErrorCode.ERR_OBJECT_NOT_FOUND, null));
            return;
        }
        if (request.op() instanceof Op.Get get) {
            step(h, new Event.Tick(clock.nowMs()));
            if (!h.replica.canServeReads()) {
                network.send(id, client, new SimMessages.ClientReply(request.id(), ErrorCode.ERR_INVALID_STATE, null));
                return;
            }
            invariants.onRead(this, h);
            String value = h.store.get(request.hashKey(), get.sortKey());
            network.send(id, client, new SimMessages.ClientReply(request.id(), ErrorCode.ERR_OK, value));
            return;
        }
        long local = nextRequestId++;
        waiting.put(local, new Waiting(client, request.id()));
        MutationUpdate update = new MutationUpdate(
                SimStore.code(request.op()), SimStore.encode(request.hashKey(), request.op()), local);
        step(h, new Event.ClientWrite(List.of(update)));
    }

    // ---- the driver ----

    private void step(SimHosted h, Event event) {
        h.replica.step(event);
        if (trace.on(h.gpid) && !(event instanceof Event.Tick)) {
            trace.log(id, () -> event + " -> " + h.replica);
        }
        if (h.replica.ballot() < h.highestBallot) {
            throw new SimViolation("ballots only grow: " + id + " " + h.gpid + " went from ballot " + h.highestBallot
                    + " to " + h.replica.ballot());
        }
        h.highestBallot = h.replica.ballot();
        drain(h);
    }

    private void drain(SimHosted h) {
        while (h.replica.hasReady()) {
            Ready ready = h.replica.ready();
            if (ready.discardLocalData()) {
                h.store.clear();
                h.durableLog.clear();
                h.inFlight.clear();
            }
            ready.logAppends().forEach(m -> append(h, m));
            for (Ready.Outgoing out : ready.messages()) {
                trace.log(h.gpid, id, () -> "send to " + out.to() + ": " + out.message());
                network.send(
                        id,
                        out.to(),
                        new SimMessages.ToReplica(h.gpid, SimReplicaRules.withTransfer(h.store, out.message())));
            }
            for (Mutation m : ready.commits()) {
                trace.log(h.gpid, id, () -> "apply " + m);
                results.putAll(h.store.apply(m));
                invariants.onApply(this, h, m);
            }
            for (Ready.ClientReply reply : ready.replies()) {
                Waiting w = waiting.remove(reply.requestId());
                Object result = results.remove(reply.requestId());
                if (w != null) {
                    network.send(id, w.client(), new SimMessages.ClientReply(w.id(), reply.error(), result));
                }
            }
            for (Ready.MetaRequest request : ready.metaRequests()) {
                trace.log(h.gpid, id, () -> "to meta: " + request);
                if (request instanceof Ready.UpdateConfiguration u) {
                    network.send(id, SimMeta.ADDRESS, new SimMessages.UpdateRequest(h.gpid, u));
                } else {
                    // As the real MetaConnection does: a replica's query becomes a config sync of the whole node,
                    // which lists only the partitions the node is a member of.
                    sendConfigSync();
                }
            }
            ready.learnTransfers().forEach(t -> learn(h, t));
            h.replica.advance(ready);
        }
    }

    private void append(SimHosted h, Mutation m) {
        h.inFlight.add(m);
        long latency = slowDisk ? 20 + random.nextInt(150) : random.nextInt(3);
        long at = Math.max(h.logFreeAt, scheduler.now() + latency);
        h.logFreeAt = at;
        int life = incarnation;
        scheduler.after(at - scheduler.now(), () -> whenRunning(() -> completeAppend(h, m, life)));
    }

    /** The log synced {@code m}, and so everything appended before it (the log is written in order). */
    private void completeAppend(SimHosted h, Mutation m, int life) {
        if (!alive || incarnation != life) {
            return;
        }
        int index = -1;
        for (int i = 0; i < h.inFlight.size(); i++) {
            if (h.inFlight.get(i) == m) {
                index = i;
                break;
            }
        }
        for (int i = 0; i <= index && alive && incarnation == life && !h.inFlight.isEmpty(); i++) {
            Mutation done = h.inFlight.remove(0);
            h.durableLog.add(done);
            step(h, new Event.LogAppended(done.ballot(), done.decree()));
        }
    }

    private void learn(SimHosted h, Ready.ApplyLearnedState t) {
        int life = incarnation;
        Replica replica = h.replica;
        scheduler.after(
                5 + random.nextInt(30),
                () -> whenRunning(() -> {
                    if (!alive || incarnation != life || h.replica != replica) {
                        return;
                    }
                    if (!SimReplicaRules.applyLearnedState(h.store, t)) {
                        step(h, new Event.LearnedStateFailed(t.signature(), ErrorCode.ERR_FILE_OPERATION_FAILED));
                        return;
                    }
                    step(h, new Event.LearnedStateApplied(t.signature(), t.toDecreeInclusive()));
                }));
    }
}
