package io.enif.test.history;

/** How a client operation ended, as far as the client can tell. */
public enum Outcome {
    /** The server answered with success; the result is what it returned. */
    OK,
    /** The server answered with an error that proves the operation was not applied. */
    FAILED,
    /** No answer, a timeout or a lost connection: the operation may or may not have taken effect. */
    UNKNOWN
}
