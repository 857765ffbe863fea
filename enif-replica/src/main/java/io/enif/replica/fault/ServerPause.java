package io.enif.replica.fault;

import io.enif.proto.rpc.RpcCatalog;
import io.enif.proto.rpc.RpcSpec;
import io.enif.rpc.RpcContext;
import io.enif.rpc.RpcDispatcher;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a server as {@code SIGSTOP} stops a process, and lets it go on as {@code SIGCONT} does (fault injection for
 * tests; nothing happens unless {@link #pause} is called).
 *
 * <p>While paused:
 *
 * <ul>
 *   <li>the threads of every executor registered with {@link #freezes} are parked (partition lanes, the meta link's
 *       timer, the read, file and timer pools), so no timer fires, no lane steps a replica, nothing is sent: no
 *       beacon, no prepare, no group check, no reply;
 *   <li>every incoming THFT request is held, unanswered, in arrival order, as the kernel keeps the bytes sent to a
 *       stopped process; responses to calls the server made before the pause hop onto the parked executors and wait
 *       there too.
 * </ul>
 *
 * <p>{@link #resume()} thaws the threads first (overdue timers fire at once: the failure detector finds the lease run
 * out), then serves the held requests in order on the calling thread, as the process would read its socket buffers.
 *
 * <p>Not frozen: the HTTP side of the port (it has no state of the replicas to change), the network threads, which
 * only decode requests and hand them over, and the private logs' writer threads, which finish the appends already
 * handed to them (as the kernel finishes a stopped process's writes in flight) while the completions wait on the
 * parked lanes.
 */
public final class ServerPause {
    private static final Logger LOG = LoggerFactory.getLogger(ServerPause.class);

    private final Supplier<String> name;
    private final List<Frozen> executors = new ArrayList<>();

    // All written under this; held is only read under this too. inner and holding are read without the lock on the
    // request path (volatile), so a server that is never paused pays one volatile read per request, not a lock.
    private final ArrayDeque<RpcContext> held = new ArrayDeque<>();
    private volatile RpcDispatcher inner;
    private volatile boolean holding;
    private ThreadFreeze freeze;

    private record Frozen(Executor executor, int threads) {}

    /** A pause switch for the server {@code name} names (in log lines). */
    public ServerPause(Supplier<String> name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** Registers an executor whose {@code threads} threads a pause parks. Call before the server starts serving. */
    public synchronized ServerPause freezes(Executor executor, int threads) {
        executors.add(new Frozen(Objects.requireNonNull(executor, "executor"), threads));
        return this;
    }

    /**
     * A dispatcher to serve on the port instead of {@code handlers}: it hands every request to {@code handlers},
     * except while paused, when it holds them. It serves the names {@code handlers} has registered now, among the
     * RPCs of the {@link RpcCatalog}; handlers registered on {@code handlers} later are not reachable through it.
     */
    public synchronized RpcDispatcher gate(RpcDispatcher handlers) {
        if (inner != null) {
            throw new IllegalStateException("the pause of " + name.get() + " already gates a dispatcher");
        }
        inner = Objects.requireNonNull(handlers, "handlers");
        RpcDispatcher gated = new RpcDispatcher();
        for (RpcSpec spec : RpcCatalog.all()) {
            if (handlers.isRegistered(spec.name())) {
                gated.registerRaw(spec.name(), (ctx, frame) -> admit(ctx));
            }
        }
        return gated;
    }

    private void admit(RpcContext ctx) {
        if (!holding) { // holding turns false only once the held requests are all served, so nothing overtakes them
            inner.dispatch(ctx);
            return;
        }
        RpcDispatcher handlers;
        synchronized (this) {
            if (holding) {
                held.add(ctx);
                return;
            }
            handlers = inner;
        }
        handlers.dispatch(ctx);
    }

    /** How many requests wait for the resume. */
    public synchronized int heldCount() {
        return held.size();
    }

    /** Whether the server is paused. */
    public synchronized boolean isPaused() {
        return freeze != null;
    }

    /**
     * Pauses the server: from now on requests are held, and once every registered thread has ended its current task
     * nothing runs. Returns when that is so. Idempotent.
     *
     * @throws IllegalStateException when some thread is still busy after {@code timeout} (the server stays paused:
     *     that thread stops as soon as its task ends)
     */
    public void pause(Duration timeout) {
        ThreadFreeze started;
        synchronized (this) {
            if (freeze != null) {
                return;
            }
            holding = true;
            started = new ThreadFreeze();
            for (Frozen f : executors) {
                started.freeze(f.executor(), f.threads());
            }
            freeze = started;
        }
        try {
            if (!started.awaitFrozen(timeout)) {
                throw new IllegalStateException(
                        name.get() + ": some threads were still busy " + timeout + " after the pause");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pausing " + name.get(), e);
        }
        LOG.info("{} paused (fault injection): threads parked, requests held", name.get());
    }

    /**
     * Lets the server go on: threads thawed, then the held requests served in arrival order (new ones keep queueing
     * behind them until none is left). Does nothing when not paused.
     */
    public void resume() {
        ThreadFreeze thawing;
        synchronized (this) {
            thawing = freeze;
            if (thawing == null) {
                return;
            }
            freeze = null;
        }
        thawing.thaw();
        int served = 0;
        while (true) {
            List<RpcContext> batch;
            RpcDispatcher handlers;
            synchronized (this) {
                if (held.isEmpty()) {
                    holding = freeze != null; // paused again meanwhile: keep holding
                    break;
                }
                batch = new ArrayList<>(held);
                held.clear();
                handlers = inner;
            }
            for (RpcContext ctx : batch) {
                handlers.dispatch(ctx);
            }
            served += batch.size();
        }
        LOG.info("{} resumed (fault injection): served {} held requests", name.get(), served);
    }

    /**
     * For a server that dies while paused: drops the held requests unanswered (their connections die with it) and
     * thaws the threads so that they can be stopped.
     */
    public void abandon() {
        ThreadFreeze thawing;
        synchronized (this) {
            held.clear();
            holding = false;
            thawing = freeze;
            freeze = null;
        }
        if (thawing != null) {
            thawing.thaw();
        }
    }
}
