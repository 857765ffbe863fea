package io.enif.replica.partition;

/** What the replica manager hears from its runners. */
public interface RunnerListener {
    /** The replica went to the error state (log or storage failure); it must be closed and its directory renamed. */
    void onError(PartitionRunner runner);

    /** A listener that ignores everything. */
    RunnerListener NONE = runner -> {};
}
