package io.enif.replica.peer;

import io.enif.common.error.ErrorCode;
import io.enif.replica.codec.LearnFiles;
import io.enif.replica.partition.LearnException;
import io.enif.replica.partition.LearnTransfers;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replication.ready.Ready;
import io.enif.storage.checkpoint.Checkpoints;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@link LearnTransfers} over {@code RPC_NFS_COPY}: clears the learner's {@code learn/} directory and pulls the files
 * the learnee named into it, under the learner disk's copy rate limit.
 */
public final class RpcLearnTransfers implements LearnTransfers {
    private final FileCopier copier;
    private final Function<String, RateLimiter> copyLimitByDiskTag;

    public RpcLearnTransfers(FileCopier copier, Function<String, RateLimiter> copyLimitByDiskTag) {
        this.copier = copier;
        this.copyLimitByDiskTag = copyLimitByDiskTag;
    }

    @Override
    public CompletableFuture<Void> copy(PartitionRunner runner, Ready.ApplyLearnedState transfer) {
        if (!(transfer.transfer() instanceof LearnFiles files)) {
            return CompletableFuture.failedFuture(
                    new LearnException(ErrorCode.ERR_LEARN_FILE_FAILED, "the learn reply named no files"));
        }
        Path learnDir = runner.dir().learnDir();
        try {
            Checkpoints.deleteRecursively(learnDir);
            java.nio.file.Files.createDirectories(learnDir);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(
                    new LearnException(ErrorCode.ERR_FILE_OPERATION_FAILED, e.toString(), e));
        }
        return copier.copy(
                transfer.learnee(),
                files,
                learnDir,
                copyLimitByDiskTag.apply(runner.dir().diskTag()));
    }
}
