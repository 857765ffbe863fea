package io.enif.test.minicluster;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.proto.base.blob;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.key.KeyCodec;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.read_response;
import io.enif.proto.rrdb.update_request;
import io.enif.proto.rrdb.update_response;
import io.enif.rpc.RpcClient;
import io.enif.rpc.RpcClientConfig;
import io.enif.rpc.RpcException;
import io.enif.rpc.RpcRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.thrift.TBase;

/**
 * Client reads and writes sent straight to one replica server, as Pegasus's clients send them: a THFT v1 request
 * whose header names the partition ({@code gpid}) and the key's routing hash, the Thrift args in field 1. No routing,
 * no retries: the caller picks the server (usually the primary a {@link TableRoutes} names) and sees every error.
 *
 * <p>An RPC error (the server's error name, {@code ERR_TIMEOUT}, {@code ERR_SESSION_RESET}) is thrown as an {@link
 * RpcException}; a storage error is the response's {@code error} field (0 = OK, 1 = not found).
 */
public final class DataClient implements AutoCloseable {
    /** How long a call may take. */
    public static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final RpcClient client = new RpcClient(RpcClientConfig.defaults());

    /** The encoded key of {@code hashKey} and {@code sortKey}. */
    public static byte[] key(String hashKey, String sortKey) {
        return KeyCodec.encode(hashKey.getBytes(StandardCharsets.UTF_8), sortKey.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code RPC_RRDB_RRDB_PUT} of {@code key} (encoded) to {@code server}. */
    public update_response put(HostPort server, Gpid gpid, byte[] key, byte[] value) {
        update_request request = new update_request().setKey(new blob(key)).setValue(new blob(value));
        return call(
                server,
                request(ClientRpcs.RPC_RRDB_RRDB_PUT.name(), gpid, key, ArgsField.struct(request)),
                update_response::new);
    }

    /** {@code RPC_RRDB_RRDB_PUT} of a UTF-8 value. */
    public update_response put(HostPort server, Gpid gpid, byte[] key, String value) {
        return put(server, gpid, key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code RPC_RRDB_RRDB_GET} of {@code key} (encoded) from {@code server}. */
    public read_response get(HostPort server, Gpid gpid, byte[] key) {
        return call(
                server,
                request(ClientRpcs.RPC_RRDB_RRDB_GET.name(), gpid, key, ArgsField.blob(key)),
                read_response::new);
    }

    /**
     * {@code RPC_RRDB_RRDB_PUT} without waiting, with its own {@code timeout} (e.g. to a paused server, which answers
     * only after its resume); an RPC error fails the future with an {@link RpcException}.
     */
    public CompletableFuture<update_response> putAsync(
            HostPort server, Gpid gpid, byte[] key, String value, Duration timeout) {
        update_request request =
                new update_request().setKey(new blob(key)).setValue(new blob(value.getBytes(StandardCharsets.UTF_8)));
        return client.call(
                server,
                new RpcRequest(
                        ClientRpcs.RPC_RRDB_RRDB_PUT.name(),
                        gpid,
                        KeyCodec.partitionHash(key),
                        false,
                        ArgsField.struct(request),
                        timeout),
                update_response::new);
    }

    /** {@code RPC_RRDB_RRDB_GET} without waiting, with its own {@code timeout}. */
    public CompletableFuture<read_response> getAsync(HostPort server, Gpid gpid, byte[] key, Duration timeout) {
        return client.call(
                server,
                new RpcRequest(
                        ClientRpcs.RPC_RRDB_RRDB_GET.name(),
                        gpid,
                        KeyCodec.partitionHash(key),
                        false,
                        ArgsField.blob(key),
                        timeout),
                read_response::new);
    }

    /** The value {@code server} returns for {@code key}, or null when it has none (storage error 1). */
    public String getString(HostPort server, Gpid gpid, byte[] key) {
        read_response response = get(server, gpid, key);
        if (response.getError() == 1) {
            return null;
        }
        if (response.getError() != 0) {
            throw new IllegalStateException("get answered storage error " + response.getError());
        }
        return new String(response.getValue().data(), StandardCharsets.UTF_8);
    }

    private static RpcRequest request(String name, Gpid gpid, byte[] key, ArgsField args) {
        return new RpcRequest(name, gpid, KeyCodec.partitionHash(key), false, args, TIMEOUT);
    }

    private <T extends TBase<?, ?>> T call(HostPort server, RpcRequest request, Supplier<T> factory) {
        CompletableFuture<T> future = client.call(server, request, factory);
        try {
            return future.get(TIMEOUT.toMillis() + 2000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RpcException rpc) {
                throw rpc;
            }
            throw new IllegalStateException(request.name() + " to " + server + " failed", e.getCause());
        } catch (TimeoutException e) {
            future.cancel(false);
            throw RpcException.timeout(request.name() + " to " + server + " did not complete");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
