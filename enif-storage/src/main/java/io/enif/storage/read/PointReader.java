package io.enif.storage.read;

import io.enif.proto.base.blob;
import io.enif.proto.rrdb.batch_get_request;
import io.enif.proto.rrdb.batch_get_response;
import io.enif.proto.rrdb.full_data;
import io.enif.proto.rrdb.full_key;
import io.enif.proto.rrdb.read_response;
import io.enif.proto.rrdb.ttl_response;
import io.enif.storage.RocksStatus;
import io.enif.storage.StoreClock;
import io.enif.storage.op.Bytes;
import io.enif.storage.op.Keys;
import io.enif.storage.op.ResponseHeader;
import io.enif.storage.op.StoredValue;
import io.enif.storage.rocks.RocksHandles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.rocksdb.RocksDBException;

/** get, ttl and batch_get ({@code protocol.md} §11). */
public final class PointReader {
    private final RocksHandles rocks;
    private final ResponseHeader header;
    private final StoreClock clock;

    public PointReader(RocksHandles rocks, ResponseHeader header, StoreClock clock) {
        this.rocks = rocks;
        this.header = header;
        this.clock = clock;
    }

    /** The user value under an encoded key: error 1 when absent or expired, 4 when the key is malformed. */
    public read_response get(blob rawKey) {
        read_response response = header.read();
        byte[] key = Keys.wellFormed(rawKey);
        if (key == null) {
            response.error = RocksStatus.INVALID_ARGUMENT;
            return response;
        }
        try {
            byte[] value = StoredValue.liveUserValue(rocks.db().get(rocks.data(), key), clock.nowSeconds2016());
            if (value == null) {
                response.error = RocksStatus.NOT_FOUND;
            } else {
                response.value = new blob(value);
            }
        } catch (RocksDBException e) {
            response.error = RocksStatus.of(e);
        }
        return response;
    }

    /** The remaining TTL under an encoded key: -1 when it has none, error 1 when absent or expired. */
    public ttl_response ttl(blob rawKey) {
        ttl_response response = header.ttl();
        byte[] key = Keys.wellFormed(rawKey);
        if (key == null) {
            response.error = RocksStatus.INVALID_ARGUMENT;
            return response;
        }
        try {
            byte[] stored = rocks.db().get(rocks.data(), key);
            int now = clock.nowSeconds2016();
            if (stored == null || StoredValue.isExpired(stored, now)) {
                response.error = RocksStatus.NOT_FOUND;
            } else {
                int expireTs = StoredValue.expireTs(stored);
                response.ttl_seconds = expireTs > 0 ? expireTs - now : -1;
            }
        } catch (RocksDBException e) {
            response.error = RocksStatus.of(e);
        }
        return response;
    }

    /** The live records among {@code keys}, missing ones left out; an empty key list gives error 4. */
    public batch_get_response batchGet(batch_get_request request) {
        batch_get_response response = header.batchGet();
        List<full_key> keys = request.keys;
        if (keys == null || keys.isEmpty()) {
            response.error = RocksStatus.INVALID_ARGUMENT;
            return response;
        }
        List<byte[]> encoded = new ArrayList<>(keys.size());
        for (full_key fk : keys) {
            byte[] key = fk == null ? Keys.encode(Bytes.EMPTY, Bytes.EMPTY) : Keys.encode(fk.hash_key, fk.sort_key);
            if (key == null) {
                response.error = RocksStatus.INVALID_ARGUMENT;
                return response;
            }
            encoded.add(key);
        }
        try {
            List<byte[]> values = rocks.db().multiGetAsList(Collections.nCopies(keys.size(), rocks.data()), encoded);
            int now = clock.nowSeconds2016();
            for (int i = 0; i < values.size(); i++) {
                byte[] value = StoredValue.liveUserValue(values.get(i), now);
                if (value != null) {
                    full_key fk = keys.get(i);
                    response.data.add(new full_data(
                            new blob(Bytes.of(fk == null ? null : fk.hash_key)),
                            new blob(Bytes.of(fk == null ? null : fk.sort_key)),
                            new blob(value)));
                }
            }
        } catch (RocksDBException e) {
            response.data.clear();
            response.error = RocksStatus.of(e);
        }
        return response;
    }
}
