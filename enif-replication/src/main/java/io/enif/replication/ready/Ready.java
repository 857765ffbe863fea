package io.enif.replication.ready;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.replication.ConfigType;
import io.enif.replication.Mutation;
import io.enif.replication.PartitionConfiguration;
import io.enif.replication.learn.LearnType;
import io.enif.replication.message.ReplicaMessage;
import java.util.List;

/**
 * What the driver must do after one or more {@link io.enif.replication.Replica#step} calls, in this order:
 *
 * <ol>
 *   <li>{@link #discardLocalData}: throw away the storage and private log and reopen them empty (a learner whose data
 *       came from a lost history);
 *   <li>{@link #logAppends}: start appending these mutations to the private log, in order; report each completion
 *       with {@link io.enif.replication.event.Event.LogAppended} (a mutation is not "logged" before that);
 *   <li>{@link #messages}: send;
 *   <li>{@link #commits}: apply to the storage engine, in order (they are committed: decrees strictly increasing,
 *       contiguous with what was applied before);
 *   <li>{@link #replies}: answer the clients (after applying, so a client reads its own write);
 *   <li>{@link #metaRequests}: send to the meta server leader;
 *   <li>{@link #learnTransfers}: start copying and applying learned state, reporting with {@link
 *       io.enif.replication.event.Event.LearnedStateApplied} or {@link
 *       io.enif.replication.event.Event.LearnedStateFailed};
 * </ol>
 *
 * then call {@link io.enif.replication.Replica#advance} with this ready, which records the commits as applied.
 */
public record Ready(
        boolean discardLocalData,
        List<Mutation> logAppends,
        List<Outgoing> messages,
        List<Mutation> commits,
        List<ClientReply> replies,
        List<MetaRequest> metaRequests,
        List<ApplyLearnedState> learnTransfers) {

    public Ready {
        logAppends = List.copyOf(logAppends);
        messages = List.copyOf(messages);
        commits = List.copyOf(commits);
        replies = List.copyOf(replies);
        metaRequests = List.copyOf(metaRequests);
        learnTransfers = List.copyOf(learnTransfers);
    }

    /** A ready with nothing to do. */
    public static final Ready EMPTY =
            new Ready(false, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    /** Whether there is nothing to do. */
    public boolean isEmpty() {
        return !discardLocalData
                && logAppends.isEmpty()
                && messages.isEmpty()
                && commits.isEmpty()
                && replies.isEmpty()
                && metaRequests.isEmpty()
                && learnTransfers.isEmpty();
    }

    /** A message to send to another replica of the partition. */
    public record Outgoing(HostPort to, ReplicaMessage message) {}

    /**
     * The outcome of one client write.
     *
     * <ul>
     *   <li>{@code ERR_OK}: committed at {@code decree} (and applied by the time the driver replies);
     *   <li>an admission error ({@code ERR_INVALID_STATE}, {@code ERR_NOT_ENOUGH_MEMBER}, {@code
     *       ERR_CAPACITY_EXCEEDED}, {@code ERR_INVALID_DATA}): never applied, the client may retry;
     *   <li>{@code ERR_TIMEOUT}: the outcome is unknown (the replica stopped being primary while the write was
     *       prepared; another primary may still commit it). Non-idempotent writes must not be retried blindly.
     * </ul>
     *
     * @param requestId the driver's request id from the {@link io.enif.replication.MutationUpdate}
     * @param error the outcome
     * @param decree the committed decree, or -1
     */
    public record ClientReply(long requestId, ErrorCode error, long decree) {
        /** A write whose outcome this replica can no longer tell. */
        public static ClientReply outcomeUnknown(long requestId) {
            return new ClientReply(requestId, ErrorCode.ERR_TIMEOUT, -1);
        }
    }

    /** A request to the meta server. */
    public sealed interface MetaRequest {}

    /**
     * {@code RPC_CM_UPDATE_PARTITION_CONFIGURATION}: persist {@code config} (ballot + 1). The answer comes back as
     * {@link io.enif.replication.event.Event.ConfigurationUpdateReply}.
     */
    public record UpdateConfiguration(ConfigType type, HostPort node, PartitionConfiguration config)
            implements MetaRequest {}

    /** Ask the meta server for this partition's configuration (config sync); answered by a {@code ConfigurationSync}. */
    public record QueryConfiguration() implements MetaRequest {}

    /**
     * Copy state from the learnee and apply it: for {@link LearnType#LT_APP} open the learnee's checkpoint as the new
     * storage; for {@link LearnType#LT_LOG} replay the copied log up to {@code toDecreeInclusive}. {@code transfer} is
     * what the driver put into the {@link ReplicaMessage.LearnReply}.
     */
    public record ApplyLearnedState(
            HostPort learnee,
            long signature,
            LearnType type,
            long fromDecreeExclusive,
            long toDecreeInclusive,
            Object transfer) {}
}
