package io.enif.client;

import java.util.Optional;

/**
 * Any failure of an Enif client call: a bad argument, a server error, a timeout, an unreachable cluster. Unchecked;
 * the subclasses name the cases callers usually want to tell apart.
 *
 * <p>{@link #errorName()} is the Pegasus error name behind the failure when there is one ({@code ERR_TIMEOUT}, {@code
 * ERR_BUSY}, {@code ERR_SESSION_RESET}, ...), so that code ported from Pegasus can keep matching on it.
 */
public class EnifClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String errorName;

    public EnifClientException(String message) {
        this(null, message, null);
    }

    public EnifClientException(String message, Throwable cause) {
        this(null, message, cause);
    }

    /**
     * @param errorName the Pegasus error name, or null when the failure has none
     */
    public EnifClientException(String errorName, String message, Throwable cause) {
        super(message, cause);
        this.errorName = errorName;
    }

    /** The Pegasus error name behind this failure, e.g. {@code ERR_TIMEOUT}, when there is one. */
    public Optional<String> errorName() {
        return Optional.ofNullable(errorName);
    }
}
