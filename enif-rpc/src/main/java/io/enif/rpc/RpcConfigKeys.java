package io.enif.rpc;

import io.enif.common.config.Config;
import io.enif.common.config.ConfigKey;
import io.enif.common.config.ConfigKeyHolder;
import java.util.List;

/** The {@code [network]} keys of the RPC transport, found by the registry through {@link java.util.ServiceLoader}. */
public final class RpcConfigKeys implements ConfigKeyHolder {

    /** Enif's own key (Pegasus has none): the largest request frame a server accepts. */
    public static final ConfigKey<Integer> MAX_FRAME_SIZE = ConfigKey.intKey(
                    "network",
                    "max_frame_size",
                    RpcServerConfig.DEFAULT_MAX_FRAME_SIZE,
                    "The largest request frame (and HTTP request) a server accepts, in bytes; a connection that"
                            + " sends a larger or malformed frame is closed, and only that one")
            .min(64);

    /** Pegasus's key for the number of network I/O threads. */
    public static final ConfigKey<Integer> IO_SERVICE_WORKER_COUNT = ConfigKey.intKey(
                    "network",
                    "io_service_worker_count",
                    RpcServerConfig.DEFAULT_WORKER_THREADS,
                    "Event-loop threads doing socket I/O, framing and dispatch")
            .min(1);

    @Override
    public List<ConfigKey<?>> configKeys() {
        return ConfigKeyHolder.staticKeysOf(RpcConfigKeys.class);
    }

    /** The server settings of {@code config}, bound to {@code host:port}. */
    public static RpcServerConfig serverConfig(Config config, String host, int port) {
        return new RpcServerConfig(
                host,
                port,
                config.get(MAX_FRAME_SIZE),
                RpcServerConfig.DEFAULT_BOSS_THREADS,
                config.get(IO_SERVICE_WORKER_COUNT));
    }
}
