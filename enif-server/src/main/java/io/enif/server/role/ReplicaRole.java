package io.enif.server.role;

import io.enif.common.HostPort;
import io.enif.common.concurrent.MillisClock;
import io.enif.common.config.Config;
import io.enif.meta.server.MetaReplicationKeys;
import io.enif.replica.plog.FilePrivateLog;
import io.enif.replica.plog.PrivateLogConfig;
import io.enif.replica.plog.PrivateLogConfigKeys;
import io.enif.replica.server.ReplicaServer;
import io.enif.replica.server.ReplicaServerConfigs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code enif replica -c conf/enif.ini}: a replica server ({@link ReplicaServer}) with file-backed private logs. */
public final class ReplicaRole implements ServerRole {

    /** Pegasus's replica port. */
    public static final int DEFAULT_PORT = 34801;

    @Override
    public String name() {
        return "replica";
    }

    @Override
    public String description() {
        return "Run a replica server: enif replica -c conf/enif.ini";
    }

    @Override
    public int defaultPort() {
        return DEFAULT_PORT;
    }

    @Override
    public String oneboxHeap() {
        return "512m";
    }

    @Override
    public List<String> oneboxSettings(Path instanceDir) {
        return List.of("replication.app_dir=" + instanceDir.toAbsolutePath(), "replication.data_dirs=");
    }

    @Override
    public RunningServer start(Config config, String host, int port) throws IOException {
        PrivateLogConfig logs = PrivateLogConfigKeys.privateLogConfig(config);
        ReplicaServer server = new ReplicaServer(
                        ReplicaServerConfigs.fromConfig(config, host, port),
                        dir -> FilePrivateLog.open(dir, logs),
                        MillisClock.SYSTEM,
                        config)
                .clusterName(config.get(MetaReplicationKeys.CLUSTER_NAME))
                .start();
        // The replica server reports no fatal condition of its own yet: a replica whose data is unusable goes to
        // the error state and is rebuilt, and the process keeps serving the others.
        CompletableFuture<Throwable> fatal = new CompletableFuture<>();
        return new RunningServer() {
            @Override
            public HostPort address() {
                return server.address();
            }

            @Override
            public CompletableFuture<Throwable> fatal() {
                return fatal;
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
