package io.enif.replica.partition;

import io.enif.common.error.ErrorCode;

/** A failed copy or application of learned state, with the error the learner reports. */
public final class LearnException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ErrorCode error;

    public LearnException(ErrorCode error, String message) {
        super(error.wireName() + ": " + message);
        this.error = error;
    }

    public LearnException(ErrorCode error, String message, Throwable cause) {
        super(error.wireName() + ": " + message, cause);
        this.error = error;
    }

    public ErrorCode error() {
        return error;
    }
}
