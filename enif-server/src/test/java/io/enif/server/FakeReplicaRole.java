package io.enif.server;

import io.enif.common.HostPort;
import io.enif.common.config.Config;
import io.enif.server.role.RunningServer;
import io.enif.server.role.ServerRole;
import io.enif.server.role.ServerRoles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A stand-in for the replica server's role (which lives in another branch): it proves that adding a role is one class
 * and lets tests see what the onebox does with it. It serves nothing.
 */
public final class FakeReplicaRole implements ServerRole {
    @Override
    public String name() {
        return ServerRoles.REPLICA;
    }

    @Override
    public String description() {
        return "Run a replica server (test fake)";
    }

    @Override
    public int defaultPort() {
        return 34_801;
    }

    @Override
    public String oneboxHeap() {
        return "512m";
    }

    @Override
    public List<String> oneboxSettings(Path instanceDir) {
        return List.of("pegasus.server.rocksdb_max_background_flushes=2");
    }

    @Override
    public RunningServer start(Config config, String host, int port) {
        HostPort address = new HostPort(host, port);
        return new RunningServer() {
            @Override
            public HostPort address() {
                return address;
            }

            @Override
            public CompletableFuture<Throwable> fatal() {
                return new CompletableFuture<>();
            }

            @Override
            public void close() {}
        };
    }
}
