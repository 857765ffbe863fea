package io.enif.client.ops;

import io.enif.client.FullKey;
import io.enif.client.ScanRecord;
import io.enif.proto.base.blob;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.batch_get_request;
import io.enif.proto.rrdb.batch_get_response;
import io.enif.proto.rrdb.full_data;
import io.enif.proto.rrdb.full_key;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code RPC_RRDB_RRDB_BATCH_GET}: the records of several keys of one partition (absent ones are left out of the
 * result). All keys must have non-empty hash keys routed to {@code target}.
 */
public final class BatchGetOp extends ClientOp<batch_get_response, List<ScanRecord>> {
    private final batch_get_request request;

    public BatchGetOp(Target target, List<FullKey> keys) {
        super(ClientRpcs.RPC_RRDB_RRDB_BATCH_GET, target);
        List<full_key> wire = new ArrayList<>(keys.size());
        for (FullKey key : keys) {
            wire.add(new full_key(new blob(key.hashKey()), new blob(key.sortKey())));
        }
        this.request = new batch_get_request(wire);
    }

    @Override
    public String name() {
        return "batchGet";
    }

    @Override
    public ArgsField args() {
        return ArgsField.struct(request);
    }

    @Override
    public List<ScanRecord> result(batch_get_response response) {
        Status.requireOk(name(), response.error, response.server);
        List<ScanRecord> found = new ArrayList<>();
        if (response.data != null) {
            for (full_data d : response.data) {
                found.add(new ScanRecord(
                        MultiGetOp.data(d.hash_key), MultiGetOp.data(d.sort_key), MultiGetOp.data(d.value)));
            }
        }
        return found;
    }
}
