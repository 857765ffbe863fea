package io.enif.replication.primary;

import io.enif.common.HostPort;
import io.enif.replication.Mutation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mutation the primary has prepared and not committed yet, with the members whose ack it still waits for.
 *
 * <p>It is ready to commit when the local log has it (tracked by the prepare list) and nobody is left waiting:
 * every secondary acked, and every targeted learner acked or was dropped.
 */
public final class PendingMutation {

    /** One member the mutation waits for. */
    static final class Waiter {
        final boolean learner;
        final long deadlineMs;
        long retryAtMs = -1;

        Waiter(boolean learner, long deadlineMs) {
            this.learner = learner;
            this.deadlineMs = deadlineMs;
        }
    }

    private final Mutation mutation;
    private final Map<HostPort, Waiter> waiting = new LinkedHashMap<>();

    PendingMutation(Mutation mutation) {
        this.mutation = mutation;
    }

    public Mutation mutation() {
        return mutation;
    }

    void await(HostPort node, boolean learner, long deadlineMs) {
        waiting.put(node, new Waiter(learner, deadlineMs));
    }

    Waiter waiter(HostPort node) {
        return waiting.get(node);
    }

    /** Records {@code node}'s ack (or gives up on it). */
    void done(HostPort node) {
        waiting.remove(node);
    }

    Map<HostPort, Waiter> waiting() {
        return waiting;
    }

    /** Whether every member acked. */
    public boolean acked() {
        return waiting.isEmpty();
    }

    /** Whether it waits for {@code node}. */
    public boolean waitsFor(HostPort node) {
        return waiting.containsKey(node);
    }
}
