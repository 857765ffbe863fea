package io.enif.rpc;

import java.util.Objects;

/**
 * The typed settings of an {@link RpcServer}.
 *
 * @param host the address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port the port to bind; 0 picks a free one (read it back with {@link RpcServer#port()})
 * @param maxFrameSize {@code [network] max_frame_size}: the largest request frame (and HTTP request) accepted, in
 *     bytes; a connection that announces a larger one is closed
 * @param bossThreads threads accepting connections
 * @param workerThreads {@code [network] io_service_worker_count}: event-loop threads doing socket I/O, framing and
 *     dispatch
 */
public record RpcServerConfig(String host, int port, int maxFrameSize, int bossThreads, int workerThreads) {
    /** Default {@code max_frame_size}: 64 MiB. */
    public static final int DEFAULT_MAX_FRAME_SIZE = 64 << 20;

    /** Default number of accepting threads. */
    public static final int DEFAULT_BOSS_THREADS = 1;

    /** Default number of I/O threads (small: the target machines have few cores). */
    public static final int DEFAULT_WORKER_THREADS = 2;

    public RpcServerConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxFrameSize < 64) {
            throw new IllegalArgumentException("max_frame_size must be at least 64 bytes, not " + maxFrameSize);
        }
        if (bossThreads < 1 || workerThreads < 1) {
            throw new IllegalArgumentException(
                    "thread counts must be positive: boss " + bossThreads + ", workers " + workerThreads);
        }
    }

    /** The defaults, bound to {@code host:port}. */
    public static RpcServerConfig of(String host, int port) {
        return new RpcServerConfig(host, port, DEFAULT_MAX_FRAME_SIZE, DEFAULT_BOSS_THREADS, DEFAULT_WORKER_THREADS);
    }

    /** This config with another {@code max_frame_size}. */
    public RpcServerConfig withMaxFrameSize(int bytes) {
        return new RpcServerConfig(host, port, bytes, bossThreads, workerThreads);
    }

    /** This config with other thread counts. */
    public RpcServerConfig withThreads(int boss, int workers) {
        return new RpcServerConfig(host, port, maxFrameSize, boss, workers);
    }
}
