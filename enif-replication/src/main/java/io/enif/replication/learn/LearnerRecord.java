package io.enif.replication.learn;

import io.enif.common.HostPort;

/**
 * The primary's record of one learner: the signature of its learning round and, once it learned from the cache,
 * the first decree it receives as a prepare.
 */
public final class LearnerRecord {
    /** No prepare start decree yet: the learner is still copying state. */
    public static final long NO_PREPARE_START = -1;

    private final HostPort node;
    private final long signature;
    private long prepareStartDecree = NO_PREPARE_START;
    private boolean succeeded;

    public LearnerRecord(HostPort node, long signature) {
        this.node = node;
        this.signature = signature;
    }

    public HostPort node() {
        return node;
    }

    public long signature() {
        return signature;
    }

    /** The first decree this learner is sent as a prepare, or {@link #NO_PREPARE_START}. */
    public long prepareStartDecree() {
        return prepareStartDecree;
    }

    void setPrepareStartDecree(long decree) {
        prepareStartDecree = decree;
    }

    /** Whether the learner receives the prepare of {@code decree}. */
    public boolean receivesPrepare(long decree) {
        return prepareStartDecree != NO_PREPARE_START && decree >= prepareStartDecree;
    }

    /** Whether the learner reported {@code LearningSucceeded} for this signature. */
    public boolean succeeded() {
        return succeeded;
    }

    void setSucceeded() {
        succeeded = true;
    }

    @Override
    public String toString() {
        return node + "#" + signature + (prepareStartDecree == NO_PREPARE_START ? "" : "@" + prepareStartDecree);
    }
}
