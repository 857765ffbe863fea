package io.enif.replica.testing;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.proto.layer2.app_info;
import io.enif.replica.partition.PeerLink;
import io.enif.replication.message.ReplicaMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link PeerLink} that records what is sent; the test answers calls by completing their futures. */
public final class RecordingPeerLink implements PeerLink {
    /** One call or one-way message. */
    public record Sent(HostPort to, ReplicaMessage message, CompletableFuture<ReplicaMessage> reply) {}

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<ReplicaMessage> call(Gpid gpid, app_info app, HostPort to, ReplicaMessage request) {
        CompletableFuture<ReplicaMessage> reply = new CompletableFuture<>();
        sent.add(new Sent(to, request, reply));
        return reply;
    }

    @Override
    public void send(Gpid gpid, app_info app, HostPort to, ReplicaMessage message) {
        sent.add(new Sent(to, message, null));
    }

    /** Everything sent so far, oldest first. */
    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The messages of one type sent so far. */
    public <T extends ReplicaMessage> List<Sent> sent(Class<T> type) {
        return sent.stream().filter(s -> type.isInstance(s.message())).toList();
    }
}
