package io.enif.client.ops;

import io.enif.proto.frame.ArgsField;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.count_response;

/** {@code RPC_RRDB_RRDB_SORTKEY_COUNT}: the live sort keys of a hash key (-1 when the server gave up in time). */
public final class SortKeyCountOp extends ClientOp<count_response, Long> {
    private final byte[] hashKey;

    public SortKeyCountOp(byte[] hashKey) {
        super(ClientRpcs.RPC_RRDB_RRDB_SORTKEY_COUNT, Target.ofHashKey(hashKey));
        this.hashKey = hashKey;
    }

    @Override
    public String name() {
        return "sortKeyCount";
    }

    @Override
    public ArgsField args() {
        return ArgsField.blob(hashKey);
    }

    @Override
    public Long result(count_response response) {
        Status.requireOk(name(), response.error, response.server);
        return response.count;
    }
}
