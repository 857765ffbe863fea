package io.enif.replication.learn;

/** Where a learner is in its catch-up (Pegasus's {@code learner_status}, e.g. {@code LearningWithPrepare}). */
public enum LearnerStatus {
    /** {@code LearningInvalid}: not a learner. */
    INVALID,
    /** {@code LearningWithoutPrepare}: copying state; prepares are refused with {@code ERR_TRY_AGAIN}. */
    WITHOUT_PREPARE,
    /** {@code LearningWithPrepareTransient}: storing the learnee's cached mutations. */
    WITH_PREPARE_TRANSIENT,
    /** {@code LearningWithPrepare}: connected to the live prepare stream, committing the learned prefix. */
    WITH_PREPARE,
    /** {@code LearningSucceeded}: caught up; waiting for the primary to make it a secondary. */
    SUCCEEDED,
    /** {@code LearningFailed}: gave up this round; restarts on the primary's next invitation. */
    FAILED
}
