package io.enif.client.ops;

import io.enif.client.CheckAndMutateResult;
import io.enif.client.CheckType;
import io.enif.client.Mutations;
import io.enif.proto.base.blob;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.check_and_mutate_request;
import io.enif.proto.rrdb.check_and_mutate_response;
import io.enif.proto.rrdb.mutate;
import io.enif.proto.rrdb.mutate_operation;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code RPC_RRDB_RRDB_CHECK_AND_MUTATE}: applies puts and deletes atomically if a check passes. Status 0 = applied,
 * 13 = check failed. Not idempotent.
 */
public final class CheckAndMutateOp extends ClientOp<check_and_mutate_response, CheckAndMutateResult> {
    private final check_and_mutate_request request;

    public CheckAndMutateOp(
            byte[] hashKey,
            byte[] checkSortKey,
            CheckType checkType,
            byte[] checkOperand,
            Mutations mutations,
            boolean returnCheckValue) {
        super(ClientRpcs.RPC_RRDB_RRDB_CHECK_AND_MUTATE, Target.ofHashKey(hashKey));
        List<mutate> list = new ArrayList<>();
        for (Mutations.Mutation m : mutations.list()) {
            mutate wire = new mutate();
            wire.sort_key = new blob(m.sortKey());
            if (m.kind() == Mutations.Kind.PUT) {
                wire.operation = mutate_operation.MO_PUT;
                wire.value = new blob(m.value());
                wire.set_expire_ts_seconds = Ttls.expireTs(m.ttlSeconds());
            } else {
                wire.operation = mutate_operation.MO_DELETE;
            }
            list.add(wire);
        }
        check_and_mutate_request r = new check_and_mutate_request();
        r.hash_key = new blob(hashKey);
        r.check_sort_key = new blob(checkSortKey);
        r.check_type = CheckAndSetOp.checkType(checkType);
        r.check_operand = new blob(checkOperand);
        r.mutate_list = list;
        r.return_check_value = returnCheckValue;
        this.request = r;
    }

    @Override
    public String name() {
        return "checkAndMutate";
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
    public CheckAndMutateResult result(check_and_mutate_response response) {
        if (response.error != Status.OK && response.error != Status.TRY_AGAIN) {
            throw Status.failure(name(), response.error, response.server);
        }
        boolean exist = response.check_value_returned && response.check_value_exist;
        return new CheckAndMutateResult(
                response.error == Status.OK,
                response.check_value_returned,
                exist,
                exist ? MultiGetOp.data(response.check_value) : null);
    }
}
