package io.enif.replica.peer;

import io.enif.common.error.ErrorCode;
import io.enif.proto.base.blob;
import io.enif.proto.base.error_code;
import io.enif.proto.nfs.copy_request;
import io.enif.proto.nfs.copy_response;
import io.enif.proto.rpc.ReplicationRpcs;
import io.enif.rpc.RpcContext;
import io.enif.rpc.RpcDispatcher;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Serves {@code RPC_NFS_COPY}: one chunk of a file under this server's data dirs, for a learner pulling a checkpoint
 * or log files. Files outside the data dirs are refused ({@code ERR_OBJECT_NOT_FOUND}); chunks are read on a file
 * executor and held back by the sending disk's rate limit.
 */
public final class FileServeHandler {
    /** The largest chunk served ({@code nfs_copy_block_bytes}, 4 MiB). */
    public static final int MAX_CHUNK = 4 << 20;

    private final List<Path> roots;
    private final Executor files;
    private final ScheduledExecutorService timer;
    private final Function<Path, RateLimiter> sendLimit;

    /**
     * @param roots the only directories files may be read from
     * @param sendLimit the rate limit of the disk a file is on
     */
    public FileServeHandler(
            List<Path> roots, Executor files, ScheduledExecutorService timer, Function<Path, RateLimiter> sendLimit) {
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.files = files;
        this.timer = timer;
        this.sendLimit = sendLimit;
    }

    public void register(RpcDispatcher dispatcher) {
        dispatcher.register(ReplicationRpcs.RPC_NFS_COPY.name(), copy_request::new, this::onCopy);
    }

    private void onCopy(RpcContext ctx, copy_request request) {
        Path file;
        try {
            file = Path.of(request.getSource_dir())
                    .resolve(request.getFile_name())
                    .toAbsolutePath()
                    .normalize();
        } catch (RuntimeException e) {
            ctx.reply(failure(ErrorCode.ERR_INVALID_PARAMETERS, request));
            return;
        }
        if (roots.stream().noneMatch(file::startsWith)
                || request.getOffset() < 0
                || request.getSize() < 0
                || request.getSize() > MAX_CHUNK) {
            ctx.reply(failure(ErrorCode.ERR_OBJECT_NOT_FOUND, request));
            return;
        }
        files.execute(() -> {
            copy_response response = read(file, request);
            long waitNanos = sendLimit.apply(file).reserve(response.getSize());
            if (waitNanos <= 0) {
                ctx.reply(response);
            } else {
                timer.schedule(() -> ctx.reply(response), waitNanos, TimeUnit.NANOSECONDS);
            }
        });
    }

    private static copy_response read(Path file, copy_request request) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long offset = request.getOffset();
            int length = (int) Math.max(0, Math.min(request.getSize(), size - offset));
            ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining()) {
                if (ch.read(buffer, offset + buffer.position()) < 0) {
                    break;
                }
            }
            return new copy_response()
                    .setError(error_code.of(ErrorCode.ERR_OK))
                    .setFile_content(new blob(buffer.array()))
                    .setOffset(offset)
                    .setSize(buffer.position());
        } catch (IOException e) {
            return failure(ErrorCode.ERR_FILE_OPERATION_FAILED, request);
        }
    }

    private static copy_response failure(ErrorCode error, copy_request request) {
        return new copy_response()
                .setError(error_code.of(error))
                .setFile_content(new blob())
                .setOffset(request.getOffset())
                .setSize(0);
    }
}
