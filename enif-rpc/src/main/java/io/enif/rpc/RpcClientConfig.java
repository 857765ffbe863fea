package io.enif.rpc;

import java.time.Duration;
import java.util.Objects;

/**
 * The typed settings of an {@link RpcClient}.
 *
 * @param maxFrameSize the largest response frame accepted; a larger one resets the session
 * @param ioThreads event-loop threads for all of this client's connections
 * @param connectTimeout how long to wait for a TCP connection (the request's own timeout still applies)
 */
public record RpcClientConfig(int maxFrameSize, int ioThreads, Duration connectTimeout) {

    public RpcClientConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (maxFrameSize < 64) {
            throw new IllegalArgumentException("max frame size must be at least 64 bytes, not " + maxFrameSize);
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be positive, not " + ioThreads);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, not " + connectTimeout);
        }
    }

    /** One I/O thread, frames up to 64 MiB, a 1 s connect timeout (Pegasus's client uses at least 1 s). */
    public static RpcClientConfig defaults() {
        return new RpcClientConfig(RpcServerConfig.DEFAULT_MAX_FRAME_SIZE, 1, Duration.ofSeconds(1));
    }
}
