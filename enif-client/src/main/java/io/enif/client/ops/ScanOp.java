package io.enif.client.ops;

import io.enif.proto.frame.ArgsField;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.scan_request;
import io.enif.proto.rrdb.scan_response;

/** {@code RPC_RRDB_RRDB_SCAN}: the next batch of an open scan context. */
public final class ScanOp extends ClientOp<scan_response, ScanBatch> {
    private final long contextId;

    public ScanOp(Target target, long contextId) {
        super(ClientRpcs.RPC_RRDB_RRDB_SCAN, target);
        this.contextId = contextId;
    }

    @Override
    public String name() {
        return "scan";
    }

    @Override
    public ArgsField args() {
        return ArgsField.struct(new scan_request(contextId));
    }

    @Override
    public ScanBatch result(scan_response response) {
        return GetScannerOp.batch(response);
    }
}
