package io.enif.client.ops;

import io.enif.proto.frame.ArgsField;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.ttl_response;

/** {@code RPC_RRDB_RRDB_TTL}: remaining seconds, -1 for no TTL, -2 when absent (status 1). */
public final class TtlOp extends ClientOp<ttl_response, Integer> {
    /** What ttl returns for an absent record. */
    public static final int NOT_FOUND = -2;

    private final byte[] key;

    /** @param key the encoded key */
    public TtlOp(byte[] key) {
        super(ClientRpcs.RPC_RRDB_RRDB_TTL, Target.ofKey(key));
        this.key = key;
    }

    @Override
    public String name() {
        return "ttl";
    }

    @Override
    public ArgsField args() {
        return ArgsField.blob(key);
    }

    @Override
    public Integer result(ttl_response response) {
        if (response.error == Status.NOT_FOUND) {
            return NOT_FOUND;
        }
        Status.requireOk(name(), response.error, response.server);
        return response.ttl_seconds;
    }
}
