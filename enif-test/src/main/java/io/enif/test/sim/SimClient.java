package io.enif.test.sim;

import io.enif.client.internal.RetryPolicy;
import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.common.hash.Crc64;
import io.enif.rpc.RpcException;
import io.enif.test.history.History;
import io.enif.test.history.Op;
import io.enif.test.history.OpMix;
import io.enif.test.history.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A simulated client with the Enif client's routing and retry rules ({@link RetryPolicy}): it sends each request to
 * the partition's primary as the meta server last named it, refreshes the route when told "not the primary", retries
 * refused requests, retries idempotent ones after a timeout and reports non-idempotent ones as of unknown outcome.
 * Every attempt is one operation of the {@link History}: a failed attempt proven not applied is {@link
 * Outcome#FAILED}, one without an answer is {@link Outcome#UNKNOWN}.
 */
final class SimClient {
    private static final long ATTEMPT_TIMEOUT_MS = 1000;
    private static final long OPERATION_TIMEOUT_MS = 3000;

    final int index;
    final HostPort address;
    private final SimScheduler scheduler;
    private final SimNetwork network;
    private final Random random;
    private final SimConfig config;
    private final History history;
    private final LongSupplier historyClock;
    private final SimProfile profile;
    private final Function<HostPort, Boolean> reachable;
    private final RetryPolicy policy =
            new RetryPolicy(io.enif.client.ClientConfig.RetryKind.DEFAULT, java.time.Duration.ofMillis(20));
    private final Map<Gpid, HostPort> routes = new HashMap<>();

    private long nextAttempt = 1;
    /** The attempt waiting for an answer: its request id, history id, and what it is. */
    private long attemptId;

    private long historyId;
    private String type;
    private String hashKey;
    private Op op;
    private long deadline;
    private int attempts;
    private Runnable onDone;
    private SimWorkload workload;

    SimClient(
            int index,
            SimScheduler scheduler,
            SimNetwork network,
            Random random,
            SimConfig config,
            History history,
            LongSupplier historyClock,
            SimProfile profile,
            Function<HostPort, Boolean> reachable) {
        this.index = index;
        this.address = new HostPort("client" + index, 1000 + index);
        this.scheduler = scheduler;
        this.network = network;
        this.random = random;
        this.config = config;
        this.history = history;
        this.historyClock = historyClock;
        this.profile = profile;
        this.reachable = reachable;
        network.register(address, this::receive);
    }

    /** Runs random operations from the workload until {@code stopAtMs} (true time). */
    void runWorkload(SimWorkload workload, long stopAtMs) {
        this.workload = workload;
        scheduler.after(random.nextInt(50), () -> nextOperation(stopAtMs));
    }

    private void nextOperation(long stopAtMs) {
        if (scheduler.now() >= stopAtMs) {
            return;
        }
        OpMix.Next next = workload.next(index);
        start(
                next.type(),
                next.hashKey(),
                next.op(),
                () -> scheduler.after(random.nextInt(30), () -> nextOperation(stopAtMs)));
    }

    /** Runs one operation, then {@code done}. */
    void start(String opType, String key, Op operation, Runnable done) {
        this.type = opType;
        this.hashKey = key;
        this.op = operation;
        this.onDone = done;
        this.deadline = scheduler.now() + OPERATION_TIMEOUT_MS;
        this.attempts = 0;
        attempt();
    }

    /** The partition of a hash key (CRC-64 of the key, as the Pegasus client routes). */
    Gpid partitionOf(String key) {
        long hash = Crc64.compute(key.getBytes(StandardCharsets.UTF_8));
        return new Gpid(SimMeta.APP_ID, (int) Long.remainderUnsigned(hash, config.partitions()));
    }

    private void attempt() {
        attempts++;
        Gpid gpid = partitionOf(hashKey);
        HostPort target = routes.get(gpid);
        if (target == null) {
            refreshRoute(gpid);
            retryLater();
            return;
        }
        long request = nextAttempt++;
        attemptId = request;
        historyId = history.invoke(index, hashKey, op, historyClock.getAsLong());
        if (!reachable.apply(target)) {
            // The connection cannot be made: provably never sent.
            scheduler.after(1, () -> onAnswer(request, RpcException.ERR_SESSION_RESET, null, true));
            return;
        }
        network.send(address, target, new SimMessages.ClientRequest(request, gpid, hashKey, op));
        scheduler.after(ATTEMPT_TIMEOUT_MS, () -> onAnswer(request, ErrorCode.ERR_TIMEOUT.wireName(), null, false));
    }

    private void receive(HostPort from, Object payload) {
        if (payload instanceof SimMessages.ClientReply reply) {
            onAnswer(reply.id(), reply.error().wireName(), reply.result(), false);
        } else if (payload instanceof SimMessages.QueryConfigReply q) {
            if (q.config().primary() != null) {
                routes.put(q.gpid(), q.config().primary());
            } else {
                routes.remove(q.gpid());
            }
        }
    }

    private void onAnswer(long request, String error, Object result, boolean neverSent) {
        if (request != attemptId) {
            return; // a late or duplicated answer to an attempt already decided
        }
        attemptId = 0;
        boolean ok = ErrorCode.ERR_OK.wireName().equals(error);
        if (ok) {
            history.complete(historyId, Outcome.OK, result, historyClock.getAsLong());
            profile.op(type, 0);
            if (op instanceof Op.Get g) {
                workload.saw(index, hashKey, g.sortKey(), (String) result);
            }
            finish();
            return;
        }
        boolean idempotent = !(op instanceof Op.Incr) && !(op instanceof Op.CheckAndSet);
        RetryPolicy.Decision decision = policy.decide(error, idempotent, neverSent);
        boolean unknown = !neverSent
                && (ErrorCode.ERR_TIMEOUT.wireName().equals(error) || RpcException.ERR_SESSION_RESET.equals(error));
        history.complete(historyId, unknown ? Outcome.UNKNOWN : Outcome.FAILED, null, historyClock.getAsLong());
        profile.op(type, unknown ? 2 : 1);
        profile.errors.merge(error, 1, Integer::sum);
        switch (decision) {
            case REFRESH_ROUTE_AND_RETRY -> {
                Gpid gpid = partitionOf(hashKey);
                routes.remove(gpid);
                refreshRoute(gpid);
                retryLater();
            }
            case RETRY -> retryLater();
            default -> finish();
        }
    }

    private void retryLater() {
        long delay = policy.delayMillis(attempts) + random.nextInt(40);
        if (scheduler.now() + delay >= deadline) {
            finish();
            return;
        }
        scheduler.after(delay, this::attempt);
    }

    private void refreshRoute(Gpid gpid) {
        network.send(address, SimMeta.ADDRESS, new SimMessages.QueryConfig(gpid));
    }

    private void finish() {
        Runnable done = onDone;
        onDone = null;
        if (done != null) {
            done.run();
        }
    }

    /** Whether an operation is running. */
    boolean busy() {
        return onDone != null;
    }
}
