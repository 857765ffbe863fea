package io.enif.client.ops;

import io.enif.proto.frame.ArgsField;
import io.enif.proto.rpc.ClientRpcs;

/**
 * {@code RPC_RRDB_RRDB_CLEAR_SCANNER}: frees a scan context. One-way: sent as ONEWAY and never answered, so it has
 * no response and is never retried.
 *
 * @param target the partition the context lives in
 * @param contextId the context to free
 */
public record ClearScannerOp(Target target, long contextId) {

    /** The message name. */
    public String messageName() {
        return ClientRpcs.RPC_RRDB_RRDB_CLEAR_SCANNER.name();
    }

    /** The args: the context id as a bare i64. */
    public ArgsField args() {
        return ArgsField.i64(contextId);
    }
}
