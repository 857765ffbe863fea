package io.enif.replica.partition;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.proto.key.ExpireTime;
import io.enif.replica.codec.LearnFiles;
import io.enif.replica.codec.MutationCodec;
import io.enif.replica.codec.WriteCodec;
import io.enif.replica.metrics.Operation;
import io.enif.replica.plog.PrivateLog;
import io.enif.replication.Mutation;
import io.enif.replication.MutationUpdate;
import io.enif.replication.event.Event;
import io.enif.replication.learn.LearnType;
import io.enif.replication.message.ReplicaMessage;
import io.enif.replication.ready.Ready;
import io.enif.storage.PartitionStore;
import io.enif.storage.StoreException;
import io.enif.storage.WriteRequest;
import io.enif.storage.checkpoint.CheckpointInfo;
import io.enif.storage.checkpoint.Checkpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.thrift.TBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one {@link Ready} for a {@link PartitionRunner}, in the order the core documents: discard local data,
 * start log appends, send messages, apply commits, answer clients, ask the meta server, start learned-state transfers.
 * Completions of the asynchronous effects come back to the lane as events. Lane-confined.
 */
final class ReadyCarrier {
    private static final Logger LOG = LoggerFactory.getLogger(ReadyCarrier.class);

    private final PartitionRunner runner;
    private final ReplicaDir dir;
    private long lastDurableDecree;

    ReadyCarrier(PartitionRunner runner) {
        this.runner = runner;
        this.dir = runner.dir();
        this.lastDurableDecree = newestCheckpoint(dir.dataDir());
    }

    /** The decree of the newest checkpoint. */
    long lastDurableDecree() {
        return lastDurableDecree;
    }

    /**
     * Carries out {@code ready}.
     *
     * @return {@code ERR_OK}, or the local failure that must put the replica in the error state
     */
    ErrorCode carry(Ready ready) {
        if (ready.discardLocalData()) {
            ErrorCode error = discardLocalData();
            if (error != ErrorCode.ERR_OK) {
                return error;
            }
        }
        for (Mutation m : ready.logAppends()) {
            append(m);
        }
        for (Ready.Outgoing out : ready.messages()) {
            send(out.to(), out.message());
        }
        for (Mutation m : ready.commits()) {
            ErrorCode error = apply(m);
            if (error != ErrorCode.ERR_OK) {
                return error;
            }
        }
        for (Ready.ClientReply reply : ready.replies()) {
            runner.writes().complete(reply.requestId(), reply.error());
        }
        for (Ready.MetaRequest request : ready.metaRequests()) {
            meta(request);
        }
        for (Ready.ApplyLearnedState transfer : ready.learnTransfers()) {
            learn(transfer);
        }
        return ErrorCode.ERR_OK;
    }

    // ---- log ----

    private void append(Mutation m) {
        PrivateLog log = runner.plog();
        long ballot = m.ballot();
        long decree = m.decree();
        CompletableFuture<Void> done;
        try {
            done = log.append(decree, ballot, MutationCodec.encode(m));
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        done.whenComplete((ok, failure) -> runner.lane().execute(() -> {
            if (log != runner.plog()) {
                return; // the log was discarded meanwhile
            }
            if (failure != null) {
                LOG.error(
                        "{}: private log append of decree {} failed: {}",
                        runner.replicaName(),
                        decree,
                        failure.toString());
                runner.step(new Event.LogAppendFailed(ballot, decree, ErrorCode.ERR_FILE_OPERATION_FAILED));
            } else {
                runner.step(new Event.LogAppended(ballot, decree));
            }
        }));
    }

    // ---- messages ----

    private void send(HostPort to, ReplicaMessage message) {
        if (ReplyChannels.isReply(message)) {
            ReplicaMessage answer = message;
            if (message instanceof ReplicaMessage.LearnReply reply
                    && reply.error() == ErrorCode.ERR_OK
                    && reply.type() != LearnType.LT_CACHE) {
                answer = withFiles(reply);
            }
            if (runner.replies().answer(to, answer) == 0) {
                LOG.debug("{}: nobody waits for {} to {}", runner.replicaName(), message, to);
            }
            return;
        }
        PartitionEnv env = runner.env();
        if (message instanceof ReplicaMessage.AddLearner || message instanceof ReplicaMessage.RemoveReplica) {
            env.peers().send(runner.gpid(), runner.app(), to, message);
            return;
        }
        env.peers()
                .call(runner.gpid(), runner.app(), to, message)
                .whenComplete((reply, failure) -> runner.lane().execute(() -> {
                    if (failure != null) {
                        if (message instanceof ReplicaMessage.Prepare) {
                            runner.metrics().prepareFailed();
                        } else if (message instanceof ReplicaMessage.GroupCheck) {
                            runner.metrics().groupCheckFailed();
                        }
                        runner.step(new Event.SendFailed(to, message, Failures.errorOf(failure)));
                    } else if (reply != null) {
                        if (reply instanceof ReplicaMessage.LearnReply learn && learn.error() == ErrorCode.ERR_OK) {
                            runner.countLearn(learn.type());
                        }
                        runner.step(new Event.MessageReceived(to, reply));
                    }
                }));
    }

    /** A learnee's file reply with the files that hold what it promises. */
    private ReplicaMessage withFiles(ReplicaMessage.LearnReply reply) {
        try {
            if (reply.type() == LearnType.LT_LOG) {
                List<Path> files = runner.plog().filesFrom(reply.fromDecreeExclusive() + 1);
                return reply.withTransfer(LearnedState.describe(dir.plogDir(), files));
            }
            Path checkpoint = Checkpoints.dirFor(dir.dataDir(), reply.toDecreeInclusive());
            return reply.withTransfer(LearnedState.describe(checkpoint, LearnedState.listFiles(checkpoint)));
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: cannot list the files to teach: {}", runner.replicaName(), e.toString());
            return ReplicaMessage.LearnReply.refused(
                    reply.round(),
                    ErrorCode.ERR_GET_LEARN_STATE_FAILED,
                    reply.signature(),
                    reply.learneeCommittedDecree());
        }
    }

    // ---- commits ----

    private ErrorCode apply(Mutation m) {
        PartitionStore store = runner.store();
        if (m.decree() <= store.lastCommittedDecree()) {
            return ErrorCode.ERR_OK; // already in the storage (learned state)
        }
        try {
            List<WriteRequest<?>> requests = WriteCodec.decodeAll(m.updates());
            int now2016 = (int) (m.timestampUs() / 1_000_000 - ExpireTime.EPOCH_2016_UNIX_SECONDS);
            List<TBase<?, ?>> responses = store.apply(m.decree(), now2016, requests);
            List<MutationUpdate> updates = m.updates();
            for (int i = 0; i < updates.size(); i++) {
                if (updates.get(i).hasRequest()) {
                    runner.writes().applied(updates.get(i).requestId(), responses.get(i));
                }
                Operation op = Operation.ofRpc(updates.get(i).code());
                if (op != null) {
                    runner.metrics().applied(op, updates.get(i).data().length);
                }
            }
            return ErrorCode.ERR_OK;
        } catch (StoreException | IllegalArgumentException | IllegalStateException e) {
            LOG.error("{}: applying {} failed", runner.replicaName(), m.name(), e);
            return ErrorCode.ERR_LOCAL_APP_FAILURE;
        }
    }

    // ---- meta server ----

    private void meta(Ready.MetaRequest request) {
        PartitionEnv env = runner.env();
        if (request instanceof Ready.UpdateConfiguration update) {
            env.meta()
                    .updateConfiguration(runner.app(), update)
                    .whenComplete((reply, failure) -> runner.lane()
                            .execute(() -> runner.step(
                                    failure == null
                                            ? reply
                                            : new Event.ConfigurationUpdateReply(Failures.errorOf(failure), null))));
        } else {
            env.meta().queryConfiguration(runner.gpid());
        }
    }

    // ---- learning ----

    private void learn(Ready.ApplyLearnedState transfer) {
        runner.env()
                .learning()
                .copy(runner, transfer)
                .whenComplete((ok, failure) -> runner.lane().execute(() -> {
                    if (runner.isClosed()) {
                        return;
                    }
                    if (failure != null) {
                        runner.step(new Event.LearnedStateFailed(transfer.signature(), Failures.errorOf(failure)));
                        return;
                    }
                    try {
                        long decree = LearnedState.apply(runner, transfer);
                        if (transfer.type() == LearnType.LT_APP) {
                            lastDurableDecree = newestCheckpoint(dir.dataDir());
                        }
                        runner.step(new Event.LearnedStateApplied(transfer.signature(), decree));
                    } catch (LearnException e) {
                        LOG.warn("{}: applying learned state failed: {}", runner.replicaName(), e.getMessage());
                        runner.step(new Event.LearnedStateFailed(transfer.signature(), e.error()));
                    }
                }));
    }

    // ---- local data ----

    /** Throws the storage, checkpoints and private log away and reopens them empty. */
    private ErrorCode discardLocalData() {
        LOG.warn("{}: discarding local data", runner.replicaName());
        PartitionEnv env = runner.env();
        try {
            runner.store().close();
            runner.plog().close();
            Path rdb = dir.rdbDir();
            if (Files.exists(rdb)) {
                Path discarded = rdb.resolveSibling("rdb." + env.clock().nowMs() * 1000 + ".discarded");
                Files.move(rdb, discarded);
                Checkpoints.deleteRecursively(discarded);
            }
            for (long decree : Checkpoints.list(dir.dataDir())) {
                Checkpoints.deleteRecursively(Checkpoints.dirFor(dir.dataDir(), decree));
            }
            Checkpoints.deleteRecursively(dir.plogDir());
            runner.replacePlog(env.logs().open(dir.plogDir()));
            runner.replaceStore(env.stores().open(runner.gpid(), rdb));
            lastDurableDecree = 0;
            return ErrorCode.ERR_OK;
        } catch (IOException | RuntimeException e) {
            LOG.error("{}: discarding local data failed", runner.replicaName(), e);
            return ErrorCode.ERR_FILE_OPERATION_FAILED;
        }
    }

    /** Makes a checkpoint if anything was applied since the last one, and prunes old ones. */
    void checkpoint() {
        PartitionStore store = runner.store();
        if (store.lastCommittedDecree() <= lastDurableDecree) {
            return;
        }
        try {
            CheckpointInfo info = store.createCheckpoint(dir.dataDir());
            runner.env().checkpointReserve().prune(dir.dataDir(), System.currentTimeMillis());
            lastDurableDecree = info.decree();
            runner.reportProgress();
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: checkpoint failed: {}", runner.replicaName(), e.toString());
        }
    }

    static long newestCheckpoint(Path dataDir) {
        try {
            List<Long> decrees = Checkpoints.list(dataDir);
            return decrees.isEmpty() ? 0 : decrees.get(decrees.size() - 1);
        } catch (IOException e) {
            return 0;
        }
    }

    /** For the learner: the files of a reply as the core hands them back. */
    static LearnFiles filesOf(Ready.ApplyLearnedState transfer) {
        return transfer.transfer() instanceof LearnFiles files ? files : LearnFiles.none();
    }
}
