package io.enif.shell;

/** Bad input to a shell command: the message is printed as is, with no trace. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
