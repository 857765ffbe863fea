package io.enif.server.role;

import io.enif.common.HostPort;
import java.util.concurrent.CompletableFuture;

/** A started server of some {@link ServerRole}, as the launcher sees it. */
public interface RunningServer extends AutoCloseable {

    /** The address the server is known by ({@code host:port}, the port actually bound). */
    HostPort address();

    /**
     * Completes when the server found a fatal inconsistency and must stop (DESIGN §10: log the reason and exit
     * non-zero). Never completes for a healthy server.
     */
    CompletableFuture<Throwable> fatal();

    /** Stops gracefully (a meta leader releases its lock at once). */
    @Override
    void close();
}
