package io.enif.replica.plog;

public record LogRecord(long decree, long ballot, byte[] record) {}
