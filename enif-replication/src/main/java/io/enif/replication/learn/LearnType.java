package io.enif.replication.learn;

/** What a learnee sends a learner (Pegasus's {@code learn_type}). */
public enum LearnType {
    /** {@code LT_CACHE}: committed mutations still in the learnee's prepare list, inside the reply. */
    LT_CACHE,
    /** {@code LT_APP}: a checkpoint of the storage engine, copied as files. */
    LT_APP,
    /** {@code LT_LOG}: private log files, copied and replayed up to the learnee's commit point. */
    LT_LOG
}
