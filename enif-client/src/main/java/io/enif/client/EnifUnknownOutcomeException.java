package io.enif.client;

/**
 * A non-idempotent write (incr, checkAndSet, checkAndMutate, compareExchange) was sent but no answer came back: it
 * timed out or the connection was lost after the request may have reached the server. It may or may not have been
 * applied, so the client did not retry it (DESIGN §10); read the data to find out.
 *
 * <p>{@link #errorName()} is {@code ERR_TIMEOUT} or {@code ERR_SESSION_RESET}.
 */
public class EnifUnknownOutcomeException extends EnifClientException {
    private static final long serialVersionUID = 1L;

    public EnifUnknownOutcomeException(String errorName, String message, Throwable cause) {
        super(errorName, message, cause);
    }
}
