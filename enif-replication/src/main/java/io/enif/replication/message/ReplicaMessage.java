package io.enif.replication.message;

import io.enif.common.error.ErrorCode;
import io.enif.replication.Mutation;
import io.enif.replication.learn.LearnType;
import io.enif.replication.learn.LearnerStatus;
import java.util.List;
import java.util.Objects;

/**
 * A message between replicas of one partition. The core emits it inside {@link io.enif.replication.ready.Ready}
 * (with its destination) and consumes it in {@link io.enif.replication.event.Event.MessageReceived} (with its
 * sender), so a test harness can pass it straight from one core to another; the replica server converts it to and
 * from the Thrift structs of {@code consensus.thrift} (the message's gpid is the replica's own).
 *
 * <p>Requests and their replies are separate one-way messages: the core matches a reply by its content (ballot,
 * decree, signature), never by an RPC id. A driver whose RPC fails or times out reports {@link
 * io.enif.replication.event.Event.SendFailed} for the request instead of inventing a reply.
 */
public sealed interface ReplicaMessage {

    /** {@code RPC_PREPARE}: primary → secondary or learner. */
    record Prepare(AssignedRole role, Mutation mutation) implements ReplicaMessage {
        public Prepare {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(mutation, "mutation");
        }
    }

    /**
     * The answer to a {@link Prepare}: {@code ERR_OK} once the mutation is in the receiver's log.
     *
     * @param error {@code ERR_OK}, or why it was refused ({@code ERR_INACTIVE_STATE} and {@code ERR_TRY_AGAIN} are
     *     retried by the primary)
     * @param ballot the prepared mutation's ballot
     * @param decree the prepared mutation's decree
     * @param lastCommittedDecreeInApp what the receiver's storage has applied
     * @param lastCommittedDecreeInPrepareList the receiver's commit point
     * @param learnerSignature the learning round of the prepare answered ({@link AssignedRole#NO_SIGNATURE} from a
     *     secondary). Not on the wire: the primary's driver copies it from the prepare the RPC reply answers. A
     *     learner that restarts learning drops what it prepared, so an ack from an older round must not count
     */
    record PrepareAck(
            ErrorCode error,
            long ballot,
            long decree,
            long lastCommittedDecreeInApp,
            long lastCommittedDecreeInPrepareList,
            long learnerSignature)
            implements ReplicaMessage {}

    /**
     * {@code RPC_GROUP_CHECK}: the primary re-asserts the receiver's role and its commit point; to a learner it is
     * also an invitation to (re)start learning with {@code role.learnerSignature()}.
     */
    record GroupCheck(AssignedRole role, long lastCommittedDecree) implements ReplicaMessage {}

    /**
     * The answer to a {@link GroupCheck} ({@code RPC_GROUP_CHECK} reply); a learner also sends it as {@code
     * RPC_LEARN_COMPLETION_NOTIFY} (see {@link LearnCompletionNotify}).
     */
    record GroupCheckReply(
            ErrorCode error,
            long ballot,
            long lastCommittedDecreeInApp,
            long lastCommittedDecreeInPrepareList,
            LearnerStatus learnerStatus,
            long learnerSignature)
            implements ReplicaMessage {}

    /** {@code RPC_LEARN_ADD_LEARNER}: primary → new learner, one-way; handled like a {@link GroupCheck}. */
    record AddLearner(AssignedRole role, long lastCommittedDecree) implements ReplicaMessage {}

    /**
     * {@code RPC_LEARN}: learner → primary, "send me what I miss".
     *
     * @param round the learner's request number; the reply carries it back. It is not on the wire: the learner's
     *     driver matches the RPC reply to its request and copies the number over
     * @param signature the learning round
     * @param lastCommittedDecreeInApp what the learner's storage holds
     * @param lastCommittedDecreeInPrepareList the learner's commit point
     */
    record LearnRequest(
            long round, long signature, long lastCommittedDecreeInApp, long lastCommittedDecreeInPrepareList)
            implements ReplicaMessage {}

    /**
     * The answer to a {@link LearnRequest}.
     *
     * <p>For {@link LearnType#LT_CACHE} the committed mutations {@code (fromDecreeExclusive, toDecreeInclusive]} are
     * in {@code mutations}, and the primary sends prepares from {@code prepareStartDecree} on. For {@link
     * LearnType#LT_LOG} and {@link LearnType#LT_APP} the decrees name what to copy: the learnee's driver adds the file
     * list when it builds the wire reply, and the learner's driver puts its description of the files into {@code
     * transfer}, which the core hands back unchanged in {@link
     * io.enif.replication.ready.Ready.ApplyLearnedState}. The core itself never looks at {@code transfer}.
     *
     * @param round the {@link LearnRequest#round} answered
     * @param error {@code ERR_OK}, {@code ERR_OBJECT_NOT_FOUND} (unknown learner), {@code ERR_INVALID_STATE} (not
     *     primary, or a stale signature) or {@code ERR_INCONSISTENT_STATE} (learner ahead; retry later)
     * @param signature the learning round answered
     * @param learneeCommittedDecree the learnee's commit point
     * @param prepareStartDecree first decree the learner will receive as a prepare ({@code LT_CACHE} only)
     * @param type what is sent
     * @param fromDecreeExclusive what the learner already has
     * @param toDecreeInclusive how far the sent state reaches
     * @param mutations {@code LT_CACHE}: the committed mutations, in decree order
     * @param transfer the driver's opaque description of the files ({@code LT_LOG}, {@code LT_APP}); {@code null} in
     *     what the core emits
     */
    record LearnReply(
            long round,
            ErrorCode error,
            long signature,
            long learneeCommittedDecree,
            long prepareStartDecree,
            LearnType type,
            long fromDecreeExclusive,
            long toDecreeInclusive,
            List<Mutation> mutations,
            Object transfer)
            implements ReplicaMessage {
        public LearnReply {
            mutations = List.copyOf(mutations);
        }

        /** A refusal. */
        public static LearnReply refused(long round, ErrorCode error, long signature, long learneeCommittedDecree) {
            return new LearnReply(
                    round, error, signature, learneeCommittedDecree, -1, LearnType.LT_CACHE, 0, 0, List.of(), null);
        }

        /** This reply with the driver's description of the files to copy. */
        public LearnReply withTransfer(Object newTransfer) {
            return new LearnReply(
                    round,
                    error,
                    signature,
                    learneeCommittedDecree,
                    prepareStartDecree,
                    type,
                    fromDecreeExclusive,
                    toDecreeInclusive,
                    mutations,
                    newTransfer);
        }
    }

    /** {@code RPC_LEARN_COMPLETION_NOTIFY}: learner → primary, "I have caught up". */
    record LearnCompletionNotify(long signature, long lastCommittedDecreeInApp) implements ReplicaMessage {}

    /** {@code RPC_REMOVE_REPLICA}: primary → a node it removed with {@code CT_REMOVE}; the node stops serving. */
    record RemoveReplica(long ballot) implements ReplicaMessage {}
}
