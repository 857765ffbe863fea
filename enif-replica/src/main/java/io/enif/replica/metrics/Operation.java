package io.enif.replica.metrics;

import io.enif.common.metrics.MetricPrototype;
import java.util.Locale;

/**
 * A client operation as the metrics count it, with Pegasus's metric names: {@code <op>_requests} and {@code
 * <op>_latency_ns} for every operation, {@code <op>_bytes} where Pegasus has it. {@code get_scanner} and {@code scan}
 * both count as {@code scan}.
 */
public enum Operation {
    GET(true, true),
    MULTI_GET(true, true),
    BATCH_GET(true, true),
    SORTKEY_COUNT(true, false),
    TTL(true, false),
    SCAN(true, true),
    PUT(false, true),
    MULTI_PUT(false, true),
    REMOVE(false, false),
    MULTI_REMOVE(false, false),
    INCR(false, false),
    CHECK_AND_SET(false, true),
    CHECK_AND_MUTATE(false, true);

    private static final String RPC_PREFIX = "RPC_RRDB_RRDB_";

    private final boolean read;
    private final MetricPrototype requests;
    private final MetricPrototype latency;
    private final MetricPrototype bytes;

    Operation(boolean read, boolean hasBytes) {
        this.read = read;
        String op = name().toLowerCase(Locale.ROOT);
        this.requests = MetricPrototype.counter(
                ReplicaMetrics.REPLICA, op + "_requests", "requests", "The " + op + " requests this replica handled");
        this.latency = MetricPrototype.percentile(
                ReplicaMetrics.REPLICA,
                op + "_latency_ns",
                "nanoseconds",
                "The latency of " + op + " requests " + (read ? "on the serving replica" : "on the primary"));
        this.bytes = hasBytes
                ? MetricPrototype.counter(
                        ReplicaMetrics.REPLICA, op + "_bytes", "bytes", "The bytes of " + op + " requests")
                : null;
    }

    /** The operation of an RPC name ({@code RPC_RRDB_RRDB_GET}), or null when it is not a counted operation. */
    public static Operation ofRpc(String rpcName) {
        if (rpcName == null || !rpcName.startsWith(RPC_PREFIX)) {
            return null;
        }
        String op = rpcName.substring(RPC_PREFIX.length());
        if (op.equals("GET_SCANNER")) {
            return SCAN;
        }
        try {
            return valueOf(op);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether it is a read. */
    public boolean read() {
        return read;
    }

    /** {@code <op>_requests}. */
    public MetricPrototype requests() {
        return requests;
    }

    /** {@code <op>_latency_ns}. */
    public MetricPrototype latency() {
        return latency;
    }

    /** {@code <op>_bytes}, or null. */
    public MetricPrototype bytes() {
        return bytes;
    }
}
