package io.enif.replica.partition;

import io.enif.common.error.ErrorCode;
import org.apache.thrift.TBase;

/** Where a client write's outcome goes: the RPC handler's reply. Called once, on the partition's lane. */
@FunctionalInterface
public interface WriteCallback {
    /**
     * @param error {@code ERR_OK} or why the write was refused ({@code ERR_TIMEOUT}: the outcome is unknown)
     * @param response the store's response for {@code ERR_OK}, else null
     */
    void complete(ErrorCode error, TBase<?, ?> response);
}
