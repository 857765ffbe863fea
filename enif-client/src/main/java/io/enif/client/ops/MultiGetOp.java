package io.enif.client.ops;

import io.enif.client.FilterType;
import io.enif.client.MultiGetOptions;
import io.enif.client.MultiGetResult;
import io.enif.client.SortKeyValue;
import io.enif.proto.base.blob;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.filter_type;
import io.enif.proto.rrdb.key_value;
import io.enif.proto.rrdb.multi_get_request;
import io.enif.proto.rrdb.multi_get_response;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code RPC_RRDB_RRDB_MULTI_GET}: rows of one hash key, by sort-key list or by range. Status 7 (incomplete) means a
 * limit stopped the read: the rows come back with {@code allFetched} false.
 */
public final class MultiGetOp extends ClientOp<multi_get_response, MultiGetResult> {
    private final multi_get_request request;

    private MultiGetOp(byte[] hashKey, multi_get_request request) {
        super(ClientRpcs.RPC_RRDB_RRDB_MULTI_GET, Target.ofHashKey(hashKey));
        this.request = request;
    }

    /** Point reads of {@code sortKeys} (all sort keys when empty). */
    public static MultiGetOp bySortKeys(
            byte[] hashKey, List<byte[]> sortKeys, int maxFetchCount, int maxFetchSize, boolean noValue) {
        multi_get_request r = base(hashKey, maxFetchCount, maxFetchSize, noValue);
        for (byte[] sortKey : sortKeys) {
            r.sort_keys.add(new blob(sortKey));
        }
        return new MultiGetOp(hashKey, r);
    }

    /** A range read; null bounds are empty (the first / the last sort key). */
    public static MultiGetOp range(
            byte[] hashKey,
            byte[] startSortKey,
            byte[] stopSortKey,
            MultiGetOptions options,
            int maxFetchCount,
            int maxFetchSize) {
        multi_get_request r = base(hashKey, maxFetchCount, maxFetchSize, options.noValue());
        r.start_sortkey = new blob(startSortKey);
        r.stop_sortkey = new blob(stopSortKey);
        r.start_inclusive = options.startInclusive();
        r.stop_inclusive = options.stopInclusive();
        r.sort_key_filter_type = filterType(options.sortKeyFilterType());
        r.sort_key_filter_pattern = new blob(options.sortKeyFilterPattern());
        r.reverse = options.reverse();
        return new MultiGetOp(hashKey, r);
    }

    private static multi_get_request base(byte[] hashKey, int maxFetchCount, int maxFetchSize, boolean noValue) {
        multi_get_request r = new multi_get_request();
        r.hash_key = new blob(hashKey);
        r.sort_keys = new ArrayList<>();
        r.max_kv_count = maxFetchCount;
        r.max_kv_size = maxFetchSize;
        r.no_value = noValue;
        r.start_sortkey = new blob();
        r.stop_sortkey = new blob();
        r.start_inclusive = true;
        r.stop_inclusive = false;
        r.sort_key_filter_type = filter_type.FT_NO_FILTER;
        r.sort_key_filter_pattern = new blob();
        r.reverse = false;
        return r;
    }

    /** The wire value of a filter type. */
    static filter_type filterType(FilterType type) {
        return filter_type.findByValue(type.value());
    }

    @Override
    public String name() {
        return "multiGet";
    }

    @Override
    public ArgsField args() {
        return ArgsField.struct(request);
    }

    @Override
    public MultiGetResult result(multi_get_response response) {
        if (response.error != Status.OK && response.error != Status.INCOMPLETE) {
            throw Status.failure(name(), response.error, response.server);
        }
        List<SortKeyValue> values = new ArrayList<>();
        if (response.kvs != null) {
            for (key_value kv : response.kvs) {
                values.add(new SortKeyValue(data(kv.key), data(kv.value)));
            }
        }
        return new MultiGetResult(response.error == Status.OK, values);
    }

    static byte[] data(blob b) {
        return b == null ? new byte[0] : b.data();
    }
}
