package io.enif.storage.write;

import io.enif.proto.base.blob;
import io.enif.proto.rrdb.key_value;
import io.enif.proto.rrdb.multi_put_request;
import io.enif.proto.rrdb.multi_remove_request;
import io.enif.proto.rrdb.multi_remove_response;
import io.enif.proto.rrdb.update_request;
import io.enif.proto.rrdb.update_response;
import io.enif.storage.RocksStatus;
import io.enif.storage.op.Bytes;
import io.enif.storage.op.Keys;
import org.rocksdb.RocksDBException;

/**
 * put, remove, multi_put and multi_remove ({@code protocol.md} §11). Each fills the error of a response that already
 * carries the header and decree, and writes nothing when its input is bad.
 */
final class BasicWrites {
    private BasicWrites() {}

    /** Stores {@code value} under the encoded key; a malformed key gives error 4. */
    static void put(MutationBatch batch, update_request request, update_response response) throws RocksDBException {
        byte[] key = Keys.wellFormed(request.key);
        if (key == null) {
            response.error = RocksStatus.INVALID_ARGUMENT;
            return;
        }
        batch.put(key, Bytes.of(request.value), request.expire_ts_seconds);
        response.error = RocksStatus.OK;
    }

    /** Deletes the encoded key (missing is fine); a malformed key gives error 4. */
    static void remove(MutationBatch batch, blob rawKey, update_response response) throws RocksDBException {
        byte[] key = Keys.wellFormed(rawKey);
        if (key == null) {
            response.error = RocksStatus.INVALID_ARGUMENT;
            return;
        }
        batch.delete(key);
        response.error = RocksStatus.OK;
    }

    /** Stores every kv (key = sort key) under the hash key with the request's expiry; an empty list gives error 4. */
    static void multiPut(MutationBatch batch, multi_put_request request, update_response response)
            throws RocksDBException {
        byte[] hashKey = Bytes.of(request.hash_key);
        if (request.kvs == null || request.kvs.isEmpty() || !Keys.isValidHashKey(hashKey)) {
            response.error = RocksStatus.INVALID_ARGUMENT;
            return;
        }
        for (key_value kv : request.kvs) {
            byte[] sortKey = kv == null ? Bytes.EMPTY : Bytes.of(kv.key);
            byte[] value = kv == null ? Bytes.EMPTY : Bytes.of(kv.value);
            batch.put(Keys.encode(hashKey, sortKey), value, request.expire_ts_seconds);
        }
        response.error = RocksStatus.OK;
    }

    /**
     * Deletes every sort key of the hash key; {@code count} = the number of sort keys in the request. An empty list
     * gives error 4 and count 0.
     */
    static void multiRemove(MutationBatch batch, multi_remove_request request, multi_remove_response response)
            throws RocksDBException {
        byte[] hashKey = Bytes.of(request.hash_key);
        if (request.sort_keys == null || request.sort_keys.isEmpty() || !Keys.isValidHashKey(hashKey)) {
            response.error = RocksStatus.INVALID_ARGUMENT;
            response.count = 0;
            return;
        }
        for (blob sortKey : request.sort_keys) {
            batch.delete(Keys.encode(hashKey, Bytes.of(sortKey)));
        }
        response.error = RocksStatus.OK;
        response.count = request.sort_keys.size();
    }
}
