package io.enif.replication.log;

import io.enif.common.HostPort;
import io.enif.replication.Mutation;
import java.util.Objects;

/**
 * One slot of the {@link PrepareList}: a mutation, whether the private log has it, and (on a secondary or learner)
 * the primary to ack once it is logged.
 */
public final class LogEntry {
    private Mutation mutation;
    private boolean logged;
    private final HostPort ackTo;

    LogEntry(Mutation mutation, boolean logged, HostPort ackTo) {
        this.mutation = Objects.requireNonNull(mutation, "mutation");
        this.logged = logged;
        this.ackTo = ackTo;
    }

    public Mutation mutation() {
        return mutation;
    }

    public long decree() {
        return mutation.decree();
    }

    public long ballot() {
        return mutation.ballot();
    }

    /** Whether the private log has durably written this mutation. */
    public boolean logged() {
        return logged;
    }

    /** The primary to ack when logged, or {@code null} (mutations the core proposed, learned or replayed itself). */
    public HostPort ackTo() {
        return ackTo;
    }

    void markLogged() {
        logged = true;
    }

    /** Replaces the mutation by the same one without client request ids (the primary stepped down). */
    void stripRequests() {
        mutation = mutation.withoutRequests();
    }

    @Override
    public String toString() {
        return mutation.name() + (logged ? " logged" : " unlogged");
    }
}
