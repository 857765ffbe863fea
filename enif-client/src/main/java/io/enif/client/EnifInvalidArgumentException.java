package io.enif.client;

/**
 * An argument was refused: by the client's own checks before anything was sent (an empty hash key where one is
 * needed, a hash key of 65535 bytes or more, a null value, a negative TTL, ...), or by the server (RocksDB status 4,
 * kInvalidArgument: e.g. incr on a value that is not an integer, or an integer check on a non-integer). Retrying the
 * same call fails the same way.
 */
public class EnifInvalidArgumentException extends EnifClientException {
    private static final long serialVersionUID = 1L;

    public EnifInvalidArgumentException(String message) {
        super(message);
    }
}
