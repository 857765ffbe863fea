package io.enif.client.ops;

import io.enif.proto.base.blob;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.incr_request;
import io.enif.proto.rrdb.incr_response;

/** {@code RPC_RRDB_RRDB_INCR}: adds to a decimal int64 and returns the new value. Not idempotent. */
public final class IncrOp extends ClientOp<incr_response, Long> {
    private final incr_request request;

    /**
     * @param key the encoded key
     * @param ttlSeconds 0 keeps the record's TTL, -1 removes it, &gt; 0 sets it
     */
    public IncrOp(byte[] key, long increment, int ttlSeconds) {
        super(ClientRpcs.RPC_RRDB_RRDB_INCR, Target.ofKey(key));
        this.request = new incr_request(new blob(key), increment, Ttls.incrExpireTs(ttlSeconds));
    }

    @Override
    public String name() {
        return "incr";
    }

    @Override
    public ArgsField args() {
        return ArgsField.struct(request);
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public Long result(incr_response response) {
        Status.requireOk(name(), response.error, response.server);
        return response.new_value;
    }
}
