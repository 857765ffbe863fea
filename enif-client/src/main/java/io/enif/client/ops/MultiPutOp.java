package io.enif.client.ops;

import io.enif.client.SortKeyValue;
import io.enif.proto.base.blob;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.key_value;
import io.enif.proto.rrdb.multi_put_request;
import io.enif.proto.rrdb.update_response;
import java.util.ArrayList;
import java.util.List;

/** {@code RPC_RRDB_RRDB_MULTI_PUT}: stores several sort keys of one hash key atomically. */
public final class MultiPutOp extends ClientOp<update_response, Void> {
    private final multi_put_request request;

    public MultiPutOp(byte[] hashKey, List<SortKeyValue> values, int ttlSeconds) {
        super(ClientRpcs.RPC_RRDB_RRDB_MULTI_PUT, Target.ofHashKey(hashKey));
        List<key_value> kvs = new ArrayList<>(values.size());
        for (SortKeyValue value : values) {
            kvs.add(new key_value(new blob(value.sortKey()), new blob(value.value())));
        }
        this.request = new multi_put_request(new blob(hashKey), kvs, Ttls.expireTs(ttlSeconds));
    }

    @Override
    public String name() {
        return "multiSet";
    }

    @Override
    public ArgsField args() {
        return ArgsField.struct(request);
    }

    @Override
    public Void result(update_response response) {
        Status.requireOk(name(), response.error, response.server);
        return null;
    }
}
