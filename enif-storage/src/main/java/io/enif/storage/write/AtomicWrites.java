package io.enif.storage.write;

import io.enif.proto.base.blob;
import io.enif.proto.rrdb.cas_check_type;
import io.enif.proto.rrdb.check_and_mutate_request;
import io.enif.proto.rrdb.check_and_mutate_response;
import io.enif.proto.rrdb.check_and_set_request;
import io.enif.proto.rrdb.check_and_set_response;
import io.enif.proto.rrdb.incr_request;
import io.enif.proto.rrdb.incr_response;
import io.enif.proto.rrdb.mutate;
import io.enif.proto.rrdb.mutate_operation;
import io.enif.storage.RocksStatus;
import io.enif.storage.op.Bytes;
import io.enif.storage.op.CheckEvaluator;
import io.enif.storage.op.CheckEvaluator.Outcome;
import io.enif.storage.op.DecimalInt64;
import io.enif.storage.op.IncrRule;
import io.enif.storage.op.Keys;
import io.enif.storage.op.StoredValue;
import org.rocksdb.RocksDBException;

/**
 * The read-modify-write operations: incr, check_and_set and check_and_mutate ({@code protocol.md} §11,
 * {@code client-and-shell.md} §A.6-A.7). Expired records count as absent; the reads see earlier writes of the same
 * mutation.
 */
final class AtomicWrites {
    private AtomicWrites() {}

    static void incr(MutationBatch batch, incr_request request, incr_response response) throws RocksDBException {
        byte[] key = Keys.wellFormed(request.key);
        if (key == null) {
            response.error = RocksStatus.INVALID_ARGUMENT;
            return;
        }
        byte[] stored = batch.getStored(key);
        boolean live = stored != null && !StoredValue.isExpired(stored, batch.now());
        IncrRule.Result result = live
                ? IncrRule.onLive(StoredValue.userValue(stored), StoredValue.expireTs(stored), request)
                : IncrRule.onAbsent(request);
        response.new_value = result.newValue();
        response.error = result.status();
        if (result.status() == RocksStatus.OK) {
            batch.put(key, DecimalInt64.format(result.newValue()), result.expireTs());
        }
    }

    static void checkAndSet(MutationBatch batch, check_and_set_request request, check_and_set_response response)
            throws RocksDBException {
        byte[] checkKey = checkKey(request.hash_key, request.check_sort_key, request.check_type);
        if (checkKey == null) {
            response.error = RocksStatus.INVALID_ARGUMENT;
            return;
        }
        byte[] value = batch.getLive(checkKey);
        if (request.return_check_value) {
            response.check_value_returned = true;
            response.check_value_exist = value != null;
            response.check_value = new blob(value);
        }
        Outcome outcome = CheckEvaluator.evaluate(request.check_type, Bytes.of(request.check_operand), value);
        response.error = statusOf(outcome);
        if (outcome == Outcome.PASSED) {
            byte[] setKey = request.set_diff_sort_key ? Keys.encode(request.hash_key, request.set_sort_key) : checkKey;
            batch.put(setKey, Bytes.of(request.set_value), request.set_expire_ts_seconds);
        }
    }

    static void checkAndMutate(
            MutationBatch batch, check_and_mutate_request request, check_and_mutate_response response)
            throws RocksDBException {
        byte[] checkKey = checkKey(request.hash_key, request.check_sort_key, request.check_type);
        if (checkKey == null || !isValidMutateList(request)) {
            response.error = RocksStatus.INVALID_ARGUMENT;
            return;
        }
        byte[] value = batch.getLive(checkKey);
        if (request.return_check_value) {
            response.check_value_returned = true;
            response.check_value_exist = value != null;
            response.check_value = new blob(value);
        }
        Outcome outcome = CheckEvaluator.evaluate(request.check_type, Bytes.of(request.check_operand), value);
        response.error = statusOf(outcome);
        if (outcome != Outcome.PASSED) {
            return;
        }
        byte[] hashKey = Bytes.of(request.hash_key);
        for (mutate m : request.mutate_list) {
            byte[] key = Keys.encode(hashKey, Bytes.of(m.sort_key));
            if (m.operation == mutate_operation.MO_PUT) {
                batch.put(key, Bytes.of(m.value), m.set_expire_ts_seconds);
            } else {
                batch.delete(key);
            }
        }
    }

    /** The encoded check key, or null when the check type is unknown or the hash key too long. */
    private static byte[] checkKey(blob hashKey, blob checkSortKey, cas_check_type type) {
        return type == null ? null : Keys.encode(hashKey, checkSortKey);
    }

    private static boolean isValidMutateList(check_and_mutate_request request) {
        if (request.mutate_list == null || request.mutate_list.isEmpty()) {
            return false;
        }
        for (mutate m : request.mutate_list) {
            if (m == null || m.operation == null) {
                return false;
            }
        }
        return true;
    }

    private static int statusOf(Outcome outcome) {
        return switch (outcome) {
            case PASSED -> RocksStatus.OK;
            case FAILED -> RocksStatus.TRY_AGAIN;
            case INVALID_ARGUMENT -> RocksStatus.INVALID_ARGUMENT;
        };
    }
}
