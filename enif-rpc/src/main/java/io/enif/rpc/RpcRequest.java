package io.enif.rpc;

import io.enif.common.Gpid;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.frame.RequestMeta;
import java.time.Duration;
import java.util.Objects;

/**
 * A request as an {@link RpcClient} sends it (header v1).
 *
 * @param name the message name, e.g. {@code RPC_RRDB_RRDB_GET}
 * @param gpid the target partition (meta RPCs use {@code 0.0})
 * @param partitionHash the key's routing hash (0 when none)
 * @param backupRequest whether a secondary may serve this read
 * @param args what args field 1 carries
 * @param timeout how long to wait for the reply; also sent as the header's {@code client_timeout}
 */
public record RpcRequest(
        String name, Gpid gpid, long partitionHash, boolean backupRequest, ArgsField args, Duration timeout) {

    public RpcRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(gpid, "gpid");
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeout);
        }
    }

    /** A request to no particular partition, as meta RPCs are. */
    public static RpcRequest of(String name, ArgsField args, Duration timeout) {
        return new RpcRequest(name, new Gpid(0, 0), 0, false, args, timeout);
    }

    /** This request addressed to {@code gpid} with the key's {@code partitionHash}. */
    public RpcRequest toPartition(Gpid target, long hash) {
        return new RpcRequest(name, target, hash, backupRequest, args, timeout);
    }

    /** This request marked as a backup request (or not). */
    public RpcRequest withBackupRequest(boolean backup) {
        return new RpcRequest(name, gpid, partitionHash, backup, args, timeout);
    }

    /** The header fields to send. */
    public RequestMeta meta() {
        long millis = Math.min(timeout.toMillis(), Integer.MAX_VALUE);
        return RequestMeta.v1(gpid, (int) millis, partitionHash, backupRequest);
    }
}
