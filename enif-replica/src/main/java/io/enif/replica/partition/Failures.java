package io.enif.replica.partition;

import io.enif.common.error.ErrorCode;
import io.enif.rpc.RpcException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The error a failed future stands for. */
public final class Failures {
    private Failures() {}

    /**
     * {@code ERR_TIMEOUT} for a call not answered in time, the server's error for an error reply, the learner's error
     * for a {@link LearnException}, and {@code ERR_NETWORK_FAILURE} for a lost connection or anything else.
     */
    public static ErrorCode errorOf(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof RpcException rpc) {
            if (rpc.isTimeout()) {
                return ErrorCode.ERR_TIMEOUT;
            }
            return rpc.errorCode().orElse(ErrorCode.ERR_NETWORK_FAILURE);
        }
        if (t instanceof LearnException learn) {
            return learn.error();
        }
        return ErrorCode.ERR_NETWORK_FAILURE;
    }
}
