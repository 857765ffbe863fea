package io.enif.replica.partition;

import io.enif.common.Gpid;
import io.enif.proto.layer2.app_info;
import io.enif.replication.event.Event;
import io.enif.replication.ready.Ready;
import java.util.concurrent.CompletableFuture;

/** How a partition runner reaches the meta server leader. */
public interface MetaLink {
    /**
     * {@code RPC_CM_UPDATE_PARTITION_CONFIGURATION}: completes with the meta server's answer (an RPC failure becomes
     * an answer with that error and no configuration, which the core retries).
     */
    CompletableFuture<Event.ConfigurationUpdateReply> updateConfiguration(
            app_info app, Ready.UpdateConfiguration request);

    /** Asks for a config sync soon; its answer reaches the runner as {@code ConfigurationSync}. */
    void queryConfiguration(Gpid gpid);
}
