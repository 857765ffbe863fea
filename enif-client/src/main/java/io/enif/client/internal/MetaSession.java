package io.enif.client.internal;

import io.enif.client.EnifClientException;
import io.enif.client.EnifServerException;
import io.enif.client.ops.MetaOp;
import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.proto.frame.FrameException;
import io.enif.proto.frame.ResponseFrame;
import io.enif.rpc.RpcClient;
import io.enif.rpc.RpcException;
import io.enif.rpc.RpcRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.thrift.TBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to the meta servers ({@code spec/protocol.md} §5.3): sends each meta RPC to the server believed to be the
 * leader and follows what comes back.
 *
 * <ul>
 *   <li>{@code err = ERR_FORWARD_TO_OTHERS}: that server is a standby; go to the leader it names (query_cfg puts it in
 *       {@code partitions[0].primary}; an address not in the list is added), else to the next server of the list.
 *   <li>{@code err = ERR_SERVICE_NOT_ACTIVE}: the server is not ready; ask it again after {@code metaRetryDelay}.
 *   <li>{@code ERR_TIMEOUT} or {@code ERR_SESSION_RESET} (no answer, refused, lost): go to the next server.
 *   <li>Any other {@code err}: the caller's to interpret.
 * </ul>
 *
 * <p>A call makes at most {@link #maxAttempts()} attempts, each limited by {@code meta_query_timeout}. The server
 * that answered last stays the current one for later calls.
 */
public final class MetaSession {
    private static final Logger LOG = LoggerFactory.getLogger(MetaSession.class);
    /** Pegasus's minimum number of attempts of a meta call. */
    private static final int MIN_ATTEMPTS = 5;

    private final RpcClient rpc;
    private final ScheduledExecutorService timer;
    private final Duration queryTimeout;
    private final Duration retryDelay;
    private final List<HostPort> metas;
    private volatile int current;

    public MetaSession(
            RpcClient rpc,
            ScheduledExecutorService timer,
            List<HostPort> metaServers,
            Duration queryTimeout,
            Duration retryDelay) {
        this.rpc = rpc;
        this.timer = timer;
        this.queryTimeout = queryTimeout;
        this.retryDelay = retryDelay;
        this.metas = new CopyOnWriteArrayList<>(metaServers);
    }

    /** The meta servers known, configured ones first. */
    public List<HostPort> metaServers() {
        return List.copyOf(metas);
    }

    /** The server the next call goes to first. */
    public HostPort currentMeta() {
        return metas.get(Math.floorMod(current, metas.size()));
    }

    /** The most attempts one call makes. */
    public int maxAttempts() {
        return Math.max(MIN_ATTEMPTS, 2 * metas.size());
    }

    /**
     * Sends {@code op} and returns the response of the first server that is the leader (or at least not a standby).
     * Fails with an {@link EnifClientException} naming the servers tried when none answered.
     */
    public <P extends TBase<?, ?>> CompletableFuture<P> call(MetaOp<P> op) {
        CompletableFuture<P> result = new CompletableFuture<>();
        attempt(op, result, maxAttempts(), null);
        return result;
    }

    private <P extends TBase<?, ?>> void attempt(
            MetaOp<P> op, CompletableFuture<P> result, int attemptsLeft, RpcException lastFailure) {
        if (attemptsLeft <= 0) {
            String name = lastFailure == null ? ErrorCode.ERR_TIMEOUT.wireName() : lastFailure.errorName();
            result.completeExceptionally(new EnifClientException(
                    name,
                    "no meta server answered " + op.name() + "; meta servers " + metas + ", last error: "
                            + (lastFailure == null ? "none" : lastFailure.getMessage()),
                    lastFailure));
            return;
        }
        HostPort meta = currentMeta();
        RpcRequest request = RpcRequest.of(op.spec().name(), op.args(), queryTimeout);
        rpc.call(meta, request).whenComplete((frame, failure) -> {
            if (failure != null) {
                Throwable t = Futures.unwrap(failure);
                if (t instanceof RpcException e && (e.isTimeout() || e.isSessionReset())) {
                    LOG.debug("meta server {} did not answer {}: {}", meta, op.name(), e.getMessage());
                    moveOn(meta);
                    attempt(op, result, attemptsLeft - 1, e);
                } else {
                    result.completeExceptionally(Futures.asClientException(t));
                }
                return;
            }
            onReply(op, result, attemptsLeft, meta, frame);
        });
    }

    private <P extends TBase<?, ?>> void onReply(
            MetaOp<P> op, CompletableFuture<P> result, int attemptsLeft, HostPort meta, ResponseFrame frame) {
        P response = null;
        String err = frame.errorName();
        if (frame.isOk()) {
            try {
                response = frame.readResult(op.newResponse());
            } catch (FrameException e) {
                result.completeExceptionally(new EnifServerException(
                        ErrorCode.ERR_INVALID_DATA.wireName(),
                        "bad reply to " + op.name() + " from meta server " + meta + ": " + e.getMessage()));
                return;
            }
            err = op.err(response);
        }
        if (ErrorCode.ERR_FORWARD_TO_OTHERS.wireName().equals(err)) {
            HostPort leader = response == null ? null : op.forwardAddress(response);
            LOG.debug("meta server {} is not the leader; it points to {}", meta, leader);
            if (leader != null) {
                moveTo(leader);
            } else {
                moveOn(meta);
            }
            attempt(op, result, attemptsLeft - 1, new RpcException(err, meta + " is not the leader"));
        } else if (ErrorCode.ERR_SERVICE_NOT_ACTIVE.wireName().equals(err)) {
            LOG.debug("meta server {} is not active yet; asking again", meta);
            RpcException notActive = new RpcException(err, "meta server " + meta + " is not active");
            try {
                timer.schedule(
                        () -> attempt(op, result, attemptsLeft - 1, notActive),
                        retryDelay.toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(new EnifClientException("the client is closed", e));
            }
        } else if (response == null) {
            result.completeExceptionally(new EnifServerException(
                    err, op.name() + " refused by meta server " + meta + ": " + err + ErrorHints.of(err)));
        } else {
            result.complete(response);
        }
    }

    /** After {@code failed} did not serve: the next server of the list, unless another call moved on already. */
    private void moveOn(HostPort failed) {
        synchronized (metas) {
            if (currentMeta().equals(failed)) {
                current = Math.floorMod(current + 1, metas.size());
            }
        }
    }

    /** The leader a standby named: becomes current, and joins the list if it was not in it. */
    private void moveTo(HostPort leader) {
        synchronized (metas) {
            int index = metas.indexOf(leader);
            if (index < 0) {
                metas.add(leader);
                index = metas.size() - 1;
            }
            current = index;
        }
    }
}
