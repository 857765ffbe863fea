package io.enif.replica.peer;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.nfs.copy_request;
import io.enif.proto.nfs.copy_response;
import io.enif.proto.rpc.ReplicationRpcs;
import io.enif.replica.codec.Addresses;
import io.enif.replica.codec.LearnFiles;
import io.enif.replica.partition.LearnException;
import io.enif.rpc.RpcClient;
import io.enif.rpc.RpcRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Pulls files from another replica server with {@code RPC_NFS_COPY}, chunk by chunk, one file after the other,
 * under the receiving disk's rate limit; each chunk is written at its offset on a file executor and the next one is
 * scheduled (never slept for). A file whose size does not match what the source announced fails the copy.
 */
public final class FileCopier {
    /** The chunk asked for at a time. */
    public static final int CHUNK = 1 << 20;

    private final RpcClient client;
    private final Executor files;
    private final ScheduledExecutorService timer;
    private final Duration timeout;

    public FileCopier(RpcClient client, Executor files, ScheduledExecutorService timer, Duration timeout) {
        this.client = client;
        this.files = files;
        this.timer = timer;
        this.timeout = timeout;
    }

    /** Copies every file of {@code set} from {@code source} into {@code targetDir} (keeping relative paths). */
    public CompletableFuture<Void> copy(HostPort source, LearnFiles set, Path targetDir, RateLimiter limit) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < set.files().size(); i++) {
            String name = set.files().get(i);
            long size = set.sizes().get(i);
            chain = chain.thenCompose(v -> copyFile(source, set.baseDir(), name, size, targetDir, limit));
        }
        return chain;
    }

    private CompletableFuture<Void> copyFile(
            HostPort source, String baseDir, String name, long size, Path targetDir, RateLimiter limit) {
        Path target = targetDir.resolve(name).normalize();
        if (!target.startsWith(targetDir.normalize())) {
            return CompletableFuture.failedFuture(
                    new LearnException(ErrorCode.ERR_INVALID_PARAMETERS, "file name escapes: " + name));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        files.execute(() -> {
            try {
                Files.createDirectories(target.getParent());
                Files.deleteIfExists(target);
                Files.createFile(target);
                chunk(source, baseDir, name, size, target, 0, limit, done);
            } catch (IOException e) {
                done.completeExceptionally(new LearnException(ErrorCode.ERR_FILE_OPERATION_FAILED, e.toString(), e));
            }
        });
        return done;
    }

    private void chunk(
            HostPort source,
            String baseDir,
            String name,
            long size,
            Path target,
            long offset,
            RateLimiter limit,
            CompletableFuture<Void> done) {
        if (offset >= size) {
            done.complete(null);
            return;
        }
        int length = (int) Math.min(CHUNK, size - offset);
        copy_request request = new copy_request()
                .setSource(Addresses.address(source))
                .setHp_source(Addresses.hostPort(source))
                .setSource_dir(baseDir)
                .setFile_name(name)
                .setDst_dir(target.getParent().toString())
                .setOffset(offset)
                .setSize(length)
                .setIs_last(offset + length >= size)
                .setOverwrite(true);
        client.call(
                        source,
                        RpcRequest.of(ReplicationRpcs.RPC_NFS_COPY.name(), ArgsField.struct(request), timeout),
                        copy_response::new)
                .whenCompleteAsync(
                        (response, failure) -> {
                            try {
                                if (failure != null) {
                                    throw new LearnException(
                                            ErrorCode.ERR_LEARN_FILE_FAILED,
                                            "copying " + name + ": " + failure,
                                            failure);
                                }
                                ErrorCode error = response.getError() == null
                                        ? ErrorCode.ERR_OK
                                        : response.getError().code();
                                byte[] content = response.getFile_content() == null
                                        ? new byte[0]
                                        : response.getFile_content().data();
                                if (error != ErrorCode.ERR_OK || content.length != length) {
                                    throw new LearnException(
                                            ErrorCode.ERR_LEARN_FILE_FAILED,
                                            "copying " + name + " at " + offset + ": " + error + ", " + content.length
                                                    + " of " + length + " bytes");
                                }
                                try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
                                    ByteBuffer buffer = ByteBuffer.wrap(content);
                                    while (buffer.hasRemaining()) {
                                        ch.write(buffer, offset + buffer.position());
                                    }
                                }
                                long wait = limit.reserve(length);
                                Runnable next =
                                        () -> chunk(source, baseDir, name, size, target, offset + length, limit, done);
                                if (wait <= 0) {
                                    next.run();
                                } else {
                                    timer.schedule(() -> files.execute(next), wait, TimeUnit.NANOSECONDS);
                                }
                            } catch (LearnException e) {
                                done.completeExceptionally(e);
                            } catch (IOException | RuntimeException e) {
                                done.completeExceptionally(
                                        new LearnException(ErrorCode.ERR_FILE_OPERATION_FAILED, e.toString(), e));
                            }
                        },
                        files);
    }
}
