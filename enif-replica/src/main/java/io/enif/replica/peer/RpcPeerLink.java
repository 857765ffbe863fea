package io.enif.replica.peer;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.layer2.app_info;
import io.enif.proto.replication.group_check_response;
import io.enif.proto.replication.learn_notify_response;
import io.enif.proto.replication.learn_response;
import io.enif.proto.replication.prepare_ack;
import io.enif.proto.rpc.ReplicationRpcs;
import io.enif.replica.codec.MessageCodec;
import io.enif.replica.partition.PeerLink;
import io.enif.replication.PartitionStatus;
import io.enif.replication.ReplicaOptions;
import io.enif.replication.message.ReplicaMessage;
import io.enif.rpc.RpcClient;
import io.enif.rpc.RpcRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.thrift.TBase;

/**
 * {@link PeerLink} over RPC: each group message becomes its {@code consensus.thrift} struct, sent to the peer's
 * replica server with the partition in the header; the reply comes back as the core's message, with the fields the
 * wire does not carry taken from the request.
 */
public final class RpcPeerLink implements PeerLink {
    private final HostPort self;
    private final RpcClient client;
    private final ReplicaOptions options;

    public RpcPeerLink(HostPort self, RpcClient client, ReplicaOptions options) {
        this.self = self;
        this.client = client;
        this.options = options;
    }

    @Override
    public CompletableFuture<ReplicaMessage> call(Gpid gpid, app_info app, HostPort to, ReplicaMessage request) {
        if (request instanceof ReplicaMessage.Prepare prepare) {
            boolean learner = prepare.role().status() == PartitionStatus.POTENTIAL_SECONDARY;
            long timeout = learner
                    ? options.prepareTimeoutMsForPotentialSecondaries()
                    : options.prepareTimeoutMsForSecondaries();
            return client.call(
                            to,
                            request(
                                    ReplicationRpcs.RPC_PREPARE.name(),
                                    gpid,
                                    MessageCodec.prepare(gpid, prepare),
                                    timeout),
                            prepare_ack::new)
                    .thenApply(
                            ack -> MessageCodec.prepareAck(ack, prepare.role().learnerSignature()));
        }
        if (request instanceof ReplicaMessage.GroupCheck check) {
            boolean learner = check.role().status() == PartitionStatus.POTENTIAL_SECONDARY;
            long timeout = learner
                    ? options.prepareTimeoutMsForPotentialSecondaries()
                    : options.prepareTimeoutMsForSecondaries();
            return client.call(
                            to,
                            request(
                                    ReplicationRpcs.RPC_GROUP_CHECK.name(),
                                    gpid,
                                    MessageCodec.groupCheck(gpid, app, to, check.role(), check.lastCommittedDecree()),
                                    timeout),
                            group_check_response::new)
                    .thenApply(reply ->
                            MessageCodec.groupCheckReply(reply, check.role().ballot()));
        }
        if (request instanceof ReplicaMessage.LearnRequest learn) {
            return client.call(
                            to,
                            request(
                                    ReplicationRpcs.RPC_LEARN.name(),
                                    gpid,
                                    MessageCodec.learnRequest(gpid, self, learn),
                                    options.prepareTimeoutMsForPotentialSecondaries()),
                            learn_response::new)
                    .thenApply(reply -> MessageCodec.learnReply(reply, learn));
        }
        if (request instanceof ReplicaMessage.LearnCompletionNotify notify) {
            return client.call(
                            to,
                            request(
                                    ReplicationRpcs.RPC_LEARN_COMPLETION_NOTIFY.name(),
                                    gpid,
                                    MessageCodec.learnCompletion(gpid, self, notify),
                                    options.prepareTimeoutMsForPotentialSecondaries()),
                            learn_notify_response::new)
                    .thenApply(reply -> null);
        }
        return CompletableFuture.failedFuture(new IllegalArgumentException("not a request: " + request));
    }

    @Override
    public void send(Gpid gpid, app_info app, HostPort to, ReplicaMessage message) {
        if (message instanceof ReplicaMessage.AddLearner invitation) {
            client.send(
                    to,
                    request(
                            ReplicationRpcs.RPC_LEARN_ADD_LEARNER.name(),
                            gpid,
                            MessageCodec.groupCheck(gpid, app, to, invitation.role(), invitation.lastCommittedDecree()),
                            options.prepareTimeoutMsForPotentialSecondaries()));
        } else if (message instanceof ReplicaMessage.RemoveReplica remove) {
            client.send(
                    to,
                    request(
                            ReplicationRpcs.RPC_REMOVE_REPLICA.name(),
                            gpid,
                            MessageCodec.removeReplica(gpid, self, remove),
                            options.prepareTimeoutMsForSecondaries()));
        } else {
            throw new IllegalArgumentException("not a one-way message: " + message);
        }
    }

    private static RpcRequest request(String name, Gpid gpid, TBase<?, ?> body, long timeoutMs) {
        return new RpcRequest(name, gpid, 0, false, ArgsField.struct(body), Duration.ofMillis(timeoutMs));
    }
}
