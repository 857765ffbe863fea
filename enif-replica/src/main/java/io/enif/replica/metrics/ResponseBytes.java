package io.enif.replica.metrics;

import io.enif.proto.base.blob;
import io.enif.proto.rrdb.batch_get_response;
import io.enif.proto.rrdb.full_data;
import io.enif.proto.rrdb.key_value;
import io.enif.proto.rrdb.multi_get_response;
import io.enif.proto.rrdb.read_response;
import io.enif.proto.rrdb.scan_response;
import java.util.List;

/** The bytes of data a read returns (keys and values), for {@code <op>_bytes} and read capacity units. */
public final class ResponseBytes {
    private ResponseBytes() {}

    /** The data bytes in {@code response}; 0 for responses without data (counts, TTLs). */
    public static long of(Object response) {
        if (response instanceof read_response r) {
            return length(r.getValue());
        }
        if (response instanceof multi_get_response r) {
            return keyValues(r.getKvs());
        }
        if (response instanceof scan_response r) {
            return keyValues(r.getKvs());
        }
        if (response instanceof batch_get_response r && r.getData() != null) {
            long n = 0;
            for (full_data d : r.getData()) {
                n += length(d.getHash_key()) + length(d.getSort_key()) + length(d.getValue());
            }
            return n;
        }
        return 0;
    }

    private static long keyValues(List<key_value> kvs) {
        if (kvs == null) {
            return 0;
        }
        long n = 0;
        for (key_value kv : kvs) {
            n += length(kv.getKey()) + length(kv.getValue());
        }
        return n;
    }

    private static long length(blob b) {
        return b == null ? 0 : b.length();
    }
}
