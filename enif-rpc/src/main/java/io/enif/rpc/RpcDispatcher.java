package io.enif.rpc;

import io.enif.common.error.ErrorCode;
import io.enif.proto.frame.FrameException;
import io.enif.proto.frame.RequestFrame;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.thrift.TBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table from message name (Pegasus's task code, e.g. {@code RPC_RRDB_RRDB_GET}) to handler.
 *
 * <p>For each request it decodes args field 1 into the handler's request type and calls the handler. It answers on
 * the handler's behalf when it cannot: {@code ERR_HANDLER_NOT_FOUND} for an unknown name (as Pegasus does),
 * {@code ERR_INVALID_DATA} when the args do not decode, and {@code ERR_UNKNOWN} when the handler throws. None of these
 * closes the connection. Registration is thread-safe and may happen while serving.
 */
public final class RpcDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RpcDispatcher.class);

    /** What became of one request. */
    public enum Outcome {
        /** The handler ran (it replies itself). */
        HANDLED,
        /** No handler has this name; answered {@code ERR_HANDLER_NOT_FOUND}. */
        NOT_FOUND,
        /** The args did not decode; answered {@code ERR_INVALID_DATA}. */
        INVALID_ARGS,
        /** The handler threw; answered {@code ERR_UNKNOWN}. */
        HANDLER_FAILED,
        /** A filter refused the request; it was dropped without an answer. */
        DROPPED
    }

    private final ConcurrentMap<String, Entry<?>> handlers = new ConcurrentHashMap<>();
    private final List<Predicate<RequestFrame>> filters = new CopyOnWriteArrayList<>();

    /**
     * Registers a handler whose request is args field 1 decoded into a fresh {@code requestFactory.get()} (a missing
     * field leaves it empty).
     *
     * @throws IllegalStateException when {@code name} already has a handler
     */
    public <T extends TBase<?, ?>> RpcDispatcher register(
            String name, Supplier<T> requestFactory, RpcHandler<T> handler) {
        Objects.requireNonNull(requestFactory, "requestFactory");
        return add(name, frame -> frame.readArgs(requestFactory.get()), handler);
    }

    /** Registers a handler whose request is args field 1 read as an i64 (0 when missing). */
    public RpcDispatcher registerI64(String name, RpcHandler<Long> handler) {
        return add(name, RequestFrame::readI64Arg, handler);
    }

    /** Registers a handler that receives the undecoded frame. */
    public RpcDispatcher registerRaw(String name, RpcHandler<RequestFrame> handler) {
        return add(name, frame -> frame, handler);
    }

    /**
     * Adds a filter consulted before every request: when it answers false the request is dropped with no reply, as
     * Pegasus's {@code replica.deny-client} does. Filters must be quick; they run on a network I/O thread.
     */
    public RpcDispatcher addFilter(Predicate<RequestFrame> admit) {
        filters.add(Objects.requireNonNull(admit, "admit"));
        return this;
    }

    /** The message names that have a handler, sorted (the {@code task-code} command lists them). */
    public List<String> names() {
        return handlers.keySet().stream().sorted().toList();
    }

    /** Whether {@code name} has a handler. */
    public boolean isRegistered(String name) {
        return handlers.containsKey(name);
    }

    /** Serves one request; never throws for a bad request or a failing handler. */
    public Outcome dispatch(RpcContext context) {
        RequestFrame frame = context.request();
        for (Predicate<RequestFrame> filter : filters) {
            if (!filter.test(frame)) {
                context.noReply();
                return Outcome.DROPPED;
            }
        }
        Entry<?> entry = handlers.get(frame.name());
        if (entry == null) {
            LOG.debug("no handler for {} from {}", frame.name(), context.remoteAddress());
            context.replyError(ErrorCode.ERR_HANDLER_NOT_FOUND);
            return Outcome.NOT_FOUND;
        }
        return entry.serve(context, frame);
    }

    private <T> RpcDispatcher add(String name, ArgsDecoder<T> decoder, RpcHandler<T> handler) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        if (handlers.putIfAbsent(name, new Entry<>(decoder, handler)) != null) {
            throw new IllegalStateException("a handler for " + name + " is already registered");
        }
        return this;
    }

    @FunctionalInterface
    private interface ArgsDecoder<T> {
        T decode(RequestFrame frame) throws FrameException;
    }

    private record Entry<T>(ArgsDecoder<T> decoder, RpcHandler<T> handler) {
        Outcome serve(RpcContext context, RequestFrame frame) {
            T request;
            try {
                request = decoder.decode(frame);
            } catch (FrameException e) {
                LOG.debug("bad args in {} from {}: {}", frame, context.remoteAddress(), e.getMessage());
                context.replyError(ErrorCode.ERR_INVALID_DATA);
                return Outcome.INVALID_ARGS;
            }
            try {
                handler.handle(context, request);
                return Outcome.HANDLED;
            } catch (RuntimeException e) {
                LOG.error("handler for {} failed on {} from {}", frame.name(), frame, context.remoteAddress(), e);
                context.replyError(ErrorCode.ERR_UNKNOWN);
                return Outcome.HANDLER_FAILED;
            }
        }
    }
}
