package io.enif.replica.plog;

public class LogIoException extends RuntimeException {
    public LogIoException(String message) {
        super(message);
    }

    public LogIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
