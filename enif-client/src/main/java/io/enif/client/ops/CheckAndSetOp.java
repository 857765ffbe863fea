package io.enif.client.ops;

import io.enif.client.CheckAndSetResult;
import io.enif.client.CheckType;
import io.enif.proto.base.blob;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.cas_check_type;
import io.enif.proto.rrdb.check_and_set_request;
import io.enif.proto.rrdb.check_and_set_response;
import java.util.Arrays;

/**
 * {@code RPC_RRDB_RRDB_CHECK_AND_SET}: sets a value if a check passes. Status 0 = set, 13 (try again) = check failed;
 * both are results. Not idempotent.
 */
public final class CheckAndSetOp extends ClientOp<check_and_set_response, CheckAndSetResult> {
    private final check_and_set_request request;

    public CheckAndSetOp(
            byte[] hashKey,
            byte[] checkSortKey,
            CheckType checkType,
            byte[] checkOperand,
            byte[] setSortKey,
            byte[] setValue,
            int ttlSeconds,
            boolean returnCheckValue) {
        super(ClientRpcs.RPC_RRDB_RRDB_CHECK_AND_SET, Target.ofHashKey(hashKey));
        check_and_set_request r = new check_and_set_request();
        r.hash_key = new blob(hashKey);
        r.check_sort_key = new blob(checkSortKey);
        r.check_type = checkType(checkType);
        r.check_operand = new blob(checkOperand);
        r.set_diff_sort_key = !Arrays.equals(checkSortKey, setSortKey);
        r.set_sort_key = new blob(setSortKey);
        r.set_value = new blob(setValue);
        r.set_expire_ts_seconds = Ttls.expireTs(ttlSeconds);
        r.return_check_value = returnCheckValue;
        this.request = r;
    }

    /** The wire value of a check type. */
    static cas_check_type checkType(CheckType type) {
        return cas_check_type.findByValue(type.value());
    }

    @Override
    public String name() {
        return "checkAndSet";
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
    public CheckAndSetResult result(check_and_set_response response) {
        if (response.error != Status.OK && response.error != Status.TRY_AGAIN) {
            throw Status.failure(name(), response.error, response.server);
        }
        boolean exist = response.check_value_returned && response.check_value_exist;
        return new CheckAndSetResult(
                response.error == Status.OK,
                response.check_value_returned,
                exist,
                exist ? MultiGetOp.data(response.check_value) : null);
    }
}
