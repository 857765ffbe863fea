package io.enif.client;

/**
 * The call's deadline passed before it succeeded ({@code ERR_TIMEOUT}). The message names the last error seen and
 * the server it came from, e.g. a refused connection while the cluster was unreachable.
 *
 * <p>Only idempotent operations end this way: a non-idempotent one (incr, checkAndSet, checkAndMutate,
 * compareExchange) whose outcome cannot be known fails with {@link EnifUnknownOutcomeException} instead.
 */
public class EnifTimeoutException extends EnifClientException {
    private static final long serialVersionUID = 1L;

    public EnifTimeoutException(String message, Throwable cause) {
        super("ERR_TIMEOUT", message, cause);
    }
}
