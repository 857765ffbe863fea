package io.enif.client.internal;

import io.enif.client.EnifClientException;
import io.enif.client.EnifServerException;
import io.enif.client.EnifTimeoutException;
import io.enif.client.EnifUnknownOutcomeException;
import io.enif.client.ops.ClientOp;
import io.enif.common.error.ErrorCode;
import io.enif.proto.frame.FrameException;
import io.enif.proto.frame.ResponseFrame;
import io.enif.rpc.RpcException;
import io.enif.rpc.RpcRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.thrift.TBase;

/**
 * One data operation in flight: attempts, each to the primary the route table names at that moment with the time left
 * as its timeout, until the op succeeds, fails for good, or its deadline passes. After a failed attempt the {@link
 * RetryPolicy} decides; a route refresh, when asked for, is awaited (up to the deadline) before the next attempt.
 */
final class OpCall<P extends TBase<?, ?>, R> {
    private final TableHandler handler;
    private final ClientOp<P, R> op;
    private final long timeoutMillis;
    private final long deadlineNanos;
    private final CompletableFuture<R> future = new CompletableFuture<>();
    private int attempts;
    private String lastError = "none";

    OpCall(TableHandler handler, ClientOp<P, R> op, long timeoutMillis) {
        this.handler = handler;
        this.op = op;
        this.timeoutMillis = timeoutMillis;
        this.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    CompletableFuture<R> future() {
        return future;
    }

    void start() {
        safely(this::attempt);
    }

    /** Runs a step; a bug in it fails the call instead of leaving it pending. */
    private void safely(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            future.completeExceptionally(Futures.asClientException(e));
        }
    }

    private long remainingMillis() {
        return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    }

    private void attempt() {
        long remaining = remainingMillis();
        if (remaining <= 0) {
            timedOut();
            return;
        }
        TableHandler.Route route = handler.route(op);
        if (route.primary() == null) {
            lastError = "no primary known for partition " + route.gpid();
            retry(true, route.version());
            return;
        }
        attempts++;
        RpcRequest request = new RpcRequest(
                op.spec().name(),
                route.gpid(),
                op.target().partitionHash(),
                false,
                op.args(),
                Duration.ofMillis(remaining));
        handler.rpc().call(route.primary(), request).whenComplete((frame, failure) -> {
            safely(() -> onReply(route, frame, failure));
        });
    }

    private void onReply(TableHandler.Route route, ResponseFrame frame, Throwable failure) {
        String error;
        boolean neverSent = false;
        RpcException cause = null;
        if (failure != null) {
            Throwable t = Futures.unwrap(failure);
            if (!(t instanceof RpcException e)) {
                future.completeExceptionally(Futures.asClientException(t));
                return;
            }
            cause = e;
            error = e.errorName();
            neverSent = SendProof.neverSent(e);
            lastError = e.getMessage();
        } else if (!frame.isOk()) {
            error = frame.errorName();
            lastError = error + " from " + route.primary() + " for " + route.gpid();
        } else {
            complete(route, frame);
            return;
        }
        switch (handler.policy().decide(error, op.idempotent(), neverSent)) {
            case REFRESH_ROUTE_AND_RETRY -> retry(true, route.version());
            case RETRY -> retry(false, route.version());
            case UNKNOWN_OUTCOME ->
                future.completeExceptionally(new EnifUnknownOutcomeException(
                        error,
                        op.name() + " on table " + handler.tableName() + " may or may not have been applied: "
                                + lastError + "; not retried, since it is not idempotent",
                        cause));
            case FAIL ->
                future.completeExceptionally(new EnifServerException(
                        error,
                        op.name() + " on table " + handler.tableName() + " failed: " + lastError
                                + ErrorHints.of(error)));
        }
    }

    private void complete(TableHandler.Route route, ResponseFrame frame) {
        P response;
        try {
            response = frame.readResult(op.newResponse());
        } catch (FrameException e) {
            future.completeExceptionally(new EnifServerException(
                    ErrorCode.ERR_INVALID_DATA.wireName(),
                    op.name() + " on table " + handler.tableName() + ": bad reply from " + route.primary() + ": "
                            + e.getMessage()));
            return;
        }
        try {
            future.complete(op.result(response));
        } catch (EnifClientException e) {
            future.completeExceptionally(e);
        }
    }

    private void retry(boolean refreshRoute, long seenVersion) {
        long delay = handler.policy().delayMillis(attempts);
        long remaining = remainingMillis();
        // A non-idempotent operation is sent again only if a retry interval is left after the delay: an attempt the
        // deadline cuts off leaves its outcome unknown, while one not sent leaves it provably not applied.
        long needed = op.idempotent() ? delay : 2 * delay;
        if (remaining <= needed) {
            timedOut();
            return;
        }
        CompletableFuture<Void> ready = refreshRoute
                ? handler.routes().refresh(seenVersion).copy().completeOnTimeout(null, remaining, TimeUnit.MILLISECONDS)
                : CompletableFuture.completedFuture(null);
        ready.whenComplete((ignored, failure) -> {
            try {
                handler.timer().schedule(() -> safely(this::attempt), delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                future.completeExceptionally(new EnifClientException("the client is closed", e));
            }
        });
    }

    private void timedOut() {
        future.completeExceptionally(new EnifTimeoutException(
                op.name() + " on table " + handler.tableName() + " timed out after " + timeoutMillis + " ms and "
                        + attempts + (attempts == 1 ? " attempt" : " attempts") + "; last error: " + lastError,
                null));
    }
}
