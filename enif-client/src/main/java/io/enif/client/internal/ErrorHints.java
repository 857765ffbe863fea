package io.enif.client.internal;

import java.util.Map;

/** A human-readable hint for the error names users meet most, appended to failure messages. */
final class ErrorHints {
    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("ERR_BUSY", "the table's throttling rejected the request"),
            Map.entry("ERR_SPLITTING", "the partition is being split"),
            Map.entry("ERR_DISK_INSUFFICIENT", "the replica server's disk is full"),
            Map.entry("ERR_INVALID_DATA", "the server could not read the request (too large a write?)"),
            Map.entry("ERR_HANDLER_NOT_FOUND", "the server does not serve this RPC"),
            Map.entry("ERR_ACL_DENY", "access denied"),
            Map.entry("ERR_OPERATION_DISABLED", "non-idempotent writes are disabled on this cluster"),
            Map.entry("ERR_UNDER_RECOVERY", "the meta server is in recovery mode"),
            Map.entry("ERR_APP_EXIST", "a table of that name exists"),
            Map.entry("ERR_APP_NOT_EXIST", "no such table"),
            Map.entry("ERR_BUSY_CREATING", "the table is being created"),
            Map.entry("ERR_BUSY_DROPPING", "the table is being dropped"),
            Map.entry("ERR_SESSION_RESET", "the connection failed or was lost"),
            Map.entry("ERR_TIMEOUT", "no reply in time"));

    private ErrorHints() {}

    /** {@code " (hint)"}, or empty when there is none. */
    static String of(String errorName) {
        String hint = HINTS.get(errorName);
        return hint == null ? "" : " (" + hint + ")";
    }
}
