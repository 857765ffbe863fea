package io.enif.client.ops;

import io.enif.proto.base.blob;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.multi_remove_request;
import io.enif.proto.rrdb.multi_remove_response;
import java.util.ArrayList;
import java.util.List;

/** {@code RPC_RRDB_RRDB_MULTI_REMOVE}: deletes several sort keys of one hash key atomically; returns the count. */
public final class MultiRemoveOp extends ClientOp<multi_remove_response, Long> {
    /** The deprecated {@code max_count} field, sent as Pegasus's client sends it. */
    private static final long MAX_COUNT = 100;

    private final multi_remove_request request;

    public MultiRemoveOp(byte[] hashKey, List<byte[]> sortKeys) {
        super(ClientRpcs.RPC_RRDB_RRDB_MULTI_REMOVE, Target.ofHashKey(hashKey));
        List<blob> keys = new ArrayList<>(sortKeys.size());
        for (byte[] sortKey : sortKeys) {
            keys.add(new blob(sortKey));
        }
        this.request = new multi_remove_request(new blob(hashKey), keys, MAX_COUNT);
    }

    @Override
    public String name() {
        return "multiDel";
    }

    @Override
    public ArgsField args() {
        return ArgsField.struct(request);
    }

    @Override
    public Long result(multi_remove_response response) {
        Status.requireOk(name(), response.error, response.server);
        return response.count;
    }
}
