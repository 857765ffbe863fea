package io.enif.server.role;

import io.enif.common.HostPort;
import io.enif.common.config.Config;
import io.enif.meta.server.MetaServer;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/** {@code enif meta -c conf/enif.ini}: a meta server ({@link MetaServer}). */
public final class MetaRole implements ServerRole {

    /** Pegasus's meta port. */
    public static final int DEFAULT_PORT = 34601;

    @Override
    public String name() {
        return "meta";
    }

    @Override
    public String description() {
        return "Run a meta server: enif meta -c conf/enif.ini";
    }

    @Override
    public int defaultPort() {
        return DEFAULT_PORT;
    }

    @Override
    public String oneboxHeap() {
        return "256m";
    }

    @Override
    public RunningServer start(Config config, String host, int port) throws IOException {
        MetaServer server = MetaServer.fromConfig(config, host, port).start();
        return new RunningServer() {
            @Override
            public HostPort address() {
                return server.address();
            }

            @Override
            public CompletableFuture<Throwable> fatal() {
                return server.fatal();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
