package io.enif.client.ops;

import io.enif.client.ScanOptions;
import io.enif.client.ScanRecord;
import io.enif.proto.base.blob;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.key.KeyCodec;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.get_scanner_request;
import io.enif.proto.rrdb.key_value;
import io.enif.proto.rrdb.scan_response;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code RPC_RRDB_RRDB_GET_SCANNER}: opens a scan over [start, stop] of encoded keys in one partition and returns the
 * first batch. The optional fields 11-14 are not sent, as Pegasus's client does not send them.
 */
public final class GetScannerOp extends ClientOp<scan_response, ScanBatch> {
    private final get_scanner_request request;

    public GetScannerOp(
            Target target,
            byte[] startKey,
            boolean startInclusive,
            byte[] stopKey,
            boolean stopInclusive,
            ScanOptions o) {
        super(ClientRpcs.RPC_RRDB_RRDB_GET_SCANNER, target);
        get_scanner_request r = new get_scanner_request();
        r.start_key = new blob(startKey);
        r.stop_key = new blob(stopKey);
        r.start_inclusive = startInclusive;
        r.stop_inclusive = stopInclusive;
        r.batch_size = o.batchSize();
        r.no_value = o.noValue();
        r.hash_key_filter_type = MultiGetOp.filterType(o.hashKeyFilterType());
        r.hash_key_filter_pattern = new blob(o.hashKeyFilterPattern());
        r.sort_key_filter_type = MultiGetOp.filterType(o.sortKeyFilterType());
        r.sort_key_filter_pattern = new blob(o.sortKeyFilterPattern());
        this.request = r;
    }

    @Override
    public String name() {
        return "getScanner";
    }

    @Override
    public ArgsField args() {
        return ArgsField.struct(request);
    }

    @Override
    public ScanBatch result(scan_response response) {
        return batch(response);
    }

    /** A scan reply as a batch; records keep the order the server sent. */
    static ScanBatch batch(scan_response response) {
        List<ScanRecord> records = new ArrayList<>();
        byte[] lastKey = null;
        if (response.kvs != null) {
            for (key_value kv : response.kvs) {
                byte[] key = MultiGetOp.data(kv.key);
                if (!KeyCodec.isWellFormed(key)) {
                    throw Status.failure("scan", 2, response.server);
                }
                records.add(new ScanRecord(KeyCodec.hashKey(key), KeyCodec.sortKey(key), MultiGetOp.data(kv.value)));
                lastKey = key;
            }
        }
        return new ScanBatch(response.error, records, lastKey, response.context_id, response.server);
    }
}
