package io.enif.replication.ready;

import io.enif.common.HostPort;
import io.enif.replication.Mutation;
import io.enif.replication.message.ReplicaMessage;
import java.util.ArrayList;
import java.util.List;

/** Collects the effects of {@code step} calls until the driver takes them as a {@link Ready}. */
public final class Outbox {
    private boolean discardLocalData;
    private final List<Mutation> logAppends = new ArrayList<>();
    private final List<Ready.Outgoing> messages = new ArrayList<>();
    private final List<Mutation> commits = new ArrayList<>();
    private final List<Ready.ClientReply> replies = new ArrayList<>();
    private final List<Ready.MetaRequest> metaRequests = new ArrayList<>();
    private final List<Ready.ApplyLearnedState> learnTransfers = new ArrayList<>();

    public void discardLocalData() {
        discardLocalData = true;
        // Whatever was queued for the old data is moot.
        logAppends.clear();
        commits.clear();
    }

    public void append(Mutation mutation) {
        logAppends.add(mutation);
    }

    public void send(HostPort to, ReplicaMessage message) {
        messages.add(new Ready.Outgoing(to, message));
    }

    public void commit(Mutation mutation) {
        commits.add(mutation);
    }

    public void reply(Ready.ClientReply reply) {
        replies.add(reply);
    }

    public void meta(Ready.MetaRequest request) {
        metaRequests.add(request);
    }

    public void learnTransfer(Ready.ApplyLearnedState transfer) {
        learnTransfers.add(transfer);
    }

    /** Whether anything is waiting. */
    public boolean hasAny() {
        return discardLocalData
                || !logAppends.isEmpty()
                || !messages.isEmpty()
                || !commits.isEmpty()
                || !replies.isEmpty()
                || !metaRequests.isEmpty()
                || !learnTransfers.isEmpty();
    }

    /** Everything collected, as a {@link Ready}; the outbox is empty afterwards. */
    public Ready drain() {
        if (!hasAny()) {
            return Ready.EMPTY;
        }
        Ready ready = new Ready(discardLocalData, logAppends, messages, commits, replies, metaRequests, learnTransfers);
        discardLocalData = false;
        logAppends.clear();
        messages.clear();
        commits.clear();
        replies.clear();
        metaRequests.clear();
        learnTransfers.clear();
        return ready;
    }
}
