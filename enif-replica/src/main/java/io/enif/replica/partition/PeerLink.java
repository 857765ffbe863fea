package io.enif.replica.partition;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.proto.layer2.app_info;
import io.enif.replication.message.ReplicaMessage;
import java.util.concurrent.CompletableFuture;

/**
 * How a partition runner reaches the other replicas of its partition. The RPC implementation converts to the Thrift
 * structs; tests may route between runners in memory.
 */
public interface PeerLink {
    /**
     * Sends a request ({@code Prepare}, {@code GroupCheck}, {@code LearnRequest} or {@code LearnCompletionNotify})
     * and completes with the peer's reply as the core's message, with the fields the wire does not carry filled from
     * the request, or with {@code null} when the reply means nothing to the core (the completion notice's). Fails
     * when the peer cannot be reached or does not answer in time.
     *
     * @param app the table, for the group checks that carry it
     */
    CompletableFuture<ReplicaMessage> call(Gpid gpid, app_info app, HostPort to, ReplicaMessage request);

    /** Sends a one-way message ({@code AddLearner}, {@code RemoveReplica}); losses are silent. */
    void send(Gpid gpid, app_info app, HostPort to, ReplicaMessage message);
}
