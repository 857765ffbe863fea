package io.enif.replication.event;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.replication.ConfigType;
import io.enif.replication.MutationUpdate;
import io.enif.replication.PartitionConfiguration;
import io.enif.replication.message.ReplicaMessage;
import java.util.List;
import java.util.Objects;

/**
 * An input to {@link io.enif.replication.Replica#step}. Everything the core learns about the world arrives as one of
 * these: client writes, messages from other replicas, completions of the effects it asked for, the meta server's
 * decisions and the passing of time.
 */
public sealed interface Event {

    /**
     * Time passes. {@code nowMs} is the driver's monotonic clock in milliseconds (never the wall clock, never
     * decreasing); the core keeps the latest value and fires every timer whose deadline is at or before it. Drive it
     * at least every few milliseconds for Pegasus's 5 ms prepare retry to mean anything, and at least once a second
     * for the other timers.
     */
    record Tick(long nowMs) implements Event {}

    /**
     * Client writes to batch into one mutation (the primary assigns it one decree). Each update's {@code requestId}
     * names the client request that gets the {@link io.enif.replication.ready.Ready.ClientReply}.
     */
    record ClientWrite(List<MutationUpdate> updates) implements Event {
        public ClientWrite {
            updates = List.copyOf(updates);
            if (updates.isEmpty()) {
                throw new IllegalArgumentException("a client write needs at least one update");
            }
        }
    }

    /** The private log has durably written the mutation {@code (ballot, decree)} the core asked to append. */
    record LogAppended(long ballot, long decree) implements Event {}

    /** The private log failed to write; the replica goes to {@code ERROR}. */
    record LogAppendFailed(long ballot, long decree, ErrorCode error) implements Event {}

    /** A message from another replica of this partition. */
    record MessageReceived(HostPort from, ReplicaMessage message) implements Event {
        public MessageReceived {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A request the core sent could not be delivered or was not answered in time (RPC error or timeout); the core
     * treats it like a failure reply. Optional: the core has its own timeouts.
     */
    record SendFailed(HostPort to, ReplicaMessage message, ErrorCode error) implements Event {}

    /**
     * {@code RPC_CONFIG_PROPOSAL}: the meta server asks this replica to carry out a change. Proposals are hints: a
     * stale ballot is ignored, and the replica asks the meta server to persist the change before acting on it.
     *
     * @param type the change
     * @param node the node the change is about
     * @param config the partition's configuration as the meta server stores it now
     */
    record ConfigProposal(ConfigType type, HostPort node, PartitionConfiguration config) implements Event {}

    /**
     * The meta server's answer to a {@link io.enif.replication.ready.Ready.UpdateConfiguration}: {@code ERR_OK} or
     * {@code ERR_INVALID_VERSION} with the configuration it stores, or an RPC error ({@code ERR_TIMEOUT}, {@code
     * ERR_NETWORK_FAILURE}, {@code ERR_BUSY}, ...; {@code config} may then be {@code null}), after which the core
     * re-sends the request.
     */
    record ConfigurationUpdateReply(ErrorCode error, PartitionConfiguration config) implements Event {}

    /**
     * Config sync: the configuration the meta server stores for this partition (a member adopts its role from it;
     * a restarted member asks to bump the ballot or to be removed, as Pegasus does).
     */
    record ConfigurationSync(PartitionConfiguration config) implements Event {}

    /** The failure detector's lease (from an acknowledged beacon) now reaches {@code untilMs} on the tick clock. */
    record LeaseGranted(long untilMs) implements Event {}

    /** The failure detector lost the meta server: a primary or secondary becomes transiently inactive. */
    record LeaseExpired() implements Event {}

    /**
     * What the storage and the private log cover, for choosing how to teach a learner.
     *
     * @param lastDurableDecree the decree of the newest storage checkpoint
     * @param firstLogDecree the smallest decree still in the private log (after garbage collection)
     */
    record StorageProgress(long lastDurableDecree, long firstLogDecree) implements Event {}

    /**
     * The learner's driver copied and applied what an {@link io.enif.replication.ready.Ready.ApplyLearnedState}
     * named; the storage now holds every decree up to {@code committedDecree}.
     */
    record LearnedStateApplied(long signature, long committedDecree) implements Event {}

    /** Copying or applying learned state failed; the learner waits for the primary's next invitation. */
    record LearnedStateFailed(long signature, ErrorCode error) implements Event {}
}
