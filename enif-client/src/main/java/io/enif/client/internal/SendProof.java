package io.enif.client.internal;

import io.enif.rpc.RpcException;
import java.net.ConnectException;

/**
 * Whether a failed call provably never reached the server, which makes even a non-idempotent op safe to retry.
 *
 * <p>{@link RpcException} has no structured flag for this yet, so it is read from how {@code ClientSession} fails a
 * call: with the {@link ConnectException} when the connection could not be made, or with "... is closed" when the
 * session was already closed before the call was written. A connection lost after the call was written reports
 * neither, and stays an unknown outcome.
 */
final class SendProof {
    private SendProof() {}

    /** Whether {@code failure} proves the request was never sent. */
    static boolean neverSent(RpcException failure) {
        if (!failure.isSessionReset()) {
            return false;
        }
        if (failure.getCause() instanceof ConnectException) {
            return true;
        }
        String message = failure.getMessage();
        return failure.getCause() == null && message != null && message.endsWith(" is closed");
    }
}
