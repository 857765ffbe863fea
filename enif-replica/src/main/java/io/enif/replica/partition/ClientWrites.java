package io.enif.replica.partition;

import io.enif.common.error.ErrorCode;
import io.enif.replication.MutationUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.thrift.TBase;

/**
 * The client writes of one partition: a queue that any thread adds to, drained on the lane into one batch (one
 * mutation, as Pegasus batches writes), and the writes waiting for their outcome with the store's response once
 * applied.
 */
final class ClientWrites {
    private record Submitted(String code, byte[] args, WriteCallback callback) {}

    private static final class Pending {
        final WriteCallback callback;
        TBase<?, ?> response;

        Pending(WriteCallback callback) {
            this.callback = callback;
        }
    }

    private final Queue<Submitted> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Map<Long, Pending> pending = new HashMap<>();
    private long nextRequestId = 1;

    /**
     * Queues a write from any thread.
     *
     * @return whether the caller must schedule a drain on the lane
     */
    boolean submit(String code, byte[] args, WriteCallback callback) {
        queue.add(new Submitted(code, args, callback));
        return drainScheduled.compareAndSet(false, true);
    }

    /**
     * On the lane: takes the queued writes, up to {@code maxBytes} of args (at least one), as updates with fresh
     * request ids.
     *
     * @return the batch (empty when nothing was queued)
     */
    List<MutationUpdate> drain(long maxBytes, int maxCount) {
        drainScheduled.set(false);
        List<MutationUpdate> batch = new ArrayList<>();
        long bytes = 0;
        Submitted next;
        while (batch.size() < maxCount && (next = queue.peek()) != null) {
            if (!batch.isEmpty() && bytes + next.args().length > maxBytes) {
                break;
            }
            queue.poll();
            long id = nextRequestId++;
            pending.put(id, new Pending(next.callback()));
            batch.add(new MutationUpdate(next.code(), next.args(), id));
            bytes += next.args().length;
        }
        return batch;
    }

    /** Whether writes are still queued (after a bounded drain). */
    boolean hasQueued() {
        return !queue.isEmpty();
    }

    /** Marks a drain as scheduled; returns whether the caller must schedule one. */
    boolean claimDrain() {
        return drainScheduled.compareAndSet(false, true);
    }

    /** Records the store's response to an applied write. */
    void applied(long requestId, TBase<?, ?> response) {
        Pending p = pending.get(requestId);
        if (p != null) {
            p.response = response;
        }
    }

    /** Answers a write: {@code ERR_OK} with its recorded response, or the error. */
    void complete(long requestId, ErrorCode error) {
        Pending p = pending.remove(requestId);
        if (p != null) {
            p.callback.complete(error, error == ErrorCode.ERR_OK ? p.response : null);
        }
    }

    /**
     * The replica goes away: answers the admitted writes with {@code admittedError} (their outcome is unknown) and
     * the queued ones, which never reached the core, with {@code queuedError}.
     */
    void abandonAll(ErrorCode admittedError, ErrorCode queuedError) {
        List<Pending> all = new ArrayList<>(pending.values());
        pending.clear();
        all.forEach(p -> p.callback.complete(admittedError, null));
        Submitted s;
        while ((s = queue.poll()) != null) {
            s.callback().complete(queuedError, null);
        }
    }

    int waiting() {
        return pending.size();
    }
}
