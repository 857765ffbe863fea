package io.enif.replica.partition;

import io.enif.common.error.ErrorCode;
import io.enif.replication.ready.Ready;
import java.util.concurrent.CompletableFuture;

/**
 * Copies the files an {@code LT_LOG} or {@code LT_APP} learn reply named from the learnee into the learner's {@code
 * learn/} directory. The runner then applies them on its lane.
 */
@FunctionalInterface
public interface LearnTransfers {
    /** Completes once every file of {@code transfer} is in {@code runner}'s learn directory, or fails. */
    CompletableFuture<Void> copy(PartitionRunner runner, Ready.ApplyLearnedState transfer);

    /** No file transfers: every one fails with {@code ERR_NOT_IMPLEMENTED}. */
    LearnTransfers NONE = (runner, transfer) -> CompletableFuture.failedFuture(
            new LearnException(ErrorCode.ERR_NOT_IMPLEMENTED, "file learning is not available"));
}
