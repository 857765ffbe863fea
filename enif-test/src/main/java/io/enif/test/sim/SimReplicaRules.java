package io.enif.test.sim;

import io.enif.common.error.ErrorCode;
import io.enif.replication.Mutation;
import io.enif.replication.PartitionStatus;
import io.enif.replication.learn.LearnType;
import io.enif.replication.learn.LearnerStatus;
import io.enif.replication.message.AssignedRole;
import io.enif.replication.message.ReplicaMessage;
import io.enif.replication.ready.Ready;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the simulated replica server does as the real one's handlers and learner transport do: which messages create
 * a replica, how a request about a replica it does not host is refused, and how learned files travel and are applied.
 */
final class SimReplicaRules {
    private SimReplicaRules() {}

    /** A learner invitation, or a group check naming a learner, creates the replica (as {@code ReplicationHandler}). */
    static boolean invitesLearner(ReplicaMessage message) {
        if (message instanceof ReplicaMessage.AddLearner) {
            return true;
        }
        return message instanceof ReplicaMessage.GroupCheck check
                && check.role().status() == PartitionStatus.POTENTIAL_SECONDARY;
    }

    /** The {@code ERR_OBJECT_NOT_FOUND} answer to a request about a replica not hosted here, or null if none is due. */
    static ReplicaMessage refusalOfUnhosted(ReplicaMessage message) {
        ErrorCode notFound = ErrorCode.ERR_OBJECT_NOT_FOUND;
        if (message instanceof ReplicaMessage.Prepare p) {
            return new ReplicaMessage.PrepareAck(
                    notFound,
                    p.mutation().ballot(),
                    p.mutation().decree(),
                    0,
                    0,
                    p.role().learnerSignature());
        } else if (message instanceof ReplicaMessage.GroupCheck check) {
            return new ReplicaMessage.GroupCheckReply(
                    notFound, check.role().ballot(), 0, 0, LearnerStatus.INVALID, AssignedRole.NO_SIGNATURE);
        } else if (message instanceof ReplicaMessage.LearnRequest learn) {
            return ReplicaMessage.LearnReply.refused(learn.round(), notFound, learn.signature(), 0);
        }
        return null;
    }

    /** A learn reply that teaches by files carries a snapshot of what the files would hold. */
    static ReplicaMessage withTransfer(SimStore store, ReplicaMessage message) {
        if (message instanceof ReplicaMessage.LearnReply reply
                && reply.error() == ErrorCode.ERR_OK
                && reply.type() != LearnType.LT_CACHE) {
            SortedMap<Long, Mutation> files = new TreeMap<>(store.applied().headMap(reply.toDecreeInclusive() + 1));
            return reply.withTransfer(files);
        }
        return message;
    }

    /**
     * Applies learned files to the learner's storage: a checkpoint ({@code LT_APP}) replaces it, log files ({@code
     * LT_LOG}) are replayed after it. Returns whether the storage now reaches the learned decree.
     */
    @SuppressWarnings("unchecked")
    static boolean applyLearnedState(SimStore store, Ready.ApplyLearnedState t) {
        SortedMap<Long, Mutation> files = (SortedMap<Long, Mutation>) t.transfer();
        long to = t.toDecreeInclusive();
        if (files == null || (to > 0 && (files.isEmpty() || files.lastKey() < to))) {
            return false;
        }
        if (t.type() == LearnType.LT_APP) {
            store.install(files.headMap(to + 1));
        } else {
            store.replay(files.subMap(t.fromDecreeExclusive() + 1, to + 1));
        }
        return store.appliedUpTo() >= to;
    }
}
