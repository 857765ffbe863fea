package io.enif.client.ops;

import io.enif.proto.frame.ArgsField;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.read_response;

/** {@code RPC_RRDB_RRDB_GET}: one value, or null when absent (status 1). */
public final class GetOp extends ClientOp<read_response, byte[]> {
    private final byte[] key;

    /** @param key the encoded key */
    public GetOp(byte[] key) {
        super(ClientRpcs.RPC_RRDB_RRDB_GET, Target.ofKey(key));
        this.key = key;
    }

    @Override
    public String name() {
        return "get";
    }

    @Override
    public ArgsField args() {
        return ArgsField.blob(key);
    }

    @Override
    public byte[] result(read_response response) {
        if (response.error == Status.NOT_FOUND) {
            return null;
        }
        Status.requireOk(name(), response.error, response.server);
        return response.value == null ? new byte[0] : response.value.data();
    }
}
