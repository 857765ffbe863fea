package io.enif.client.ops;

import io.enif.proto.base.blob;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.update_request;
import io.enif.proto.rrdb.update_response;

/** {@code RPC_RRDB_RRDB_PUT}: stores one value. */
public final class PutOp extends ClientOp<update_response, Void> {
    private final update_request request;

    /** @param key the encoded key */
    public PutOp(byte[] key, byte[] value, int ttlSeconds) {
        super(ClientRpcs.RPC_RRDB_RRDB_PUT, Target.ofKey(key));
        this.request = new update_request(new blob(key), new blob(value), Ttls.expireTs(ttlSeconds));
    }

    @Override
    public String name() {
        return "set";
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
