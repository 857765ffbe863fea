package io.enif.client.ops;

import io.enif.proto.frame.ArgsField;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.update_response;

/** {@code RPC_RRDB_RRDB_REMOVE}: deletes one record (an absent one too). */
public final class RemoveOp extends ClientOp<update_response, Void> {
    private final byte[] key;

    /** @param key the encoded key */
    public RemoveOp(byte[] key) {
        super(ClientRpcs.RPC_RRDB_RRDB_REMOVE, Target.ofKey(key));
        this.key = key;
    }

    @Override
    public String name() {
        return "del";
    }

    @Override
    public ArgsField args() {
        return ArgsField.blob(key);
    }

    @Override
    public Void result(update_response response) {
        Status.requireOk(name(), response.error, response.server);
        return null;
    }
}
