package io.enif.bench.storage;

import io.enif.proto.base.blob;
import io.enif.proto.key.KeyCodec;
import io.enif.proto.key.ValueCodec;
import io.enif.proto.rrdb.get_scanner_request;
import io.enif.proto.rrdb.multi_get_request;
import io.enif.proto.rrdb.multi_get_response;
import io.enif.proto.rrdb.read_response;
import io.enif.proto.rrdb.scan_response;
import io.enif.proto.rrdb.update_request;
import io.enif.proto.rrdb.update_response;
import io.enif.storage.WriteRequest;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Each storage operation twice: through Enif's {@link io.enif.storage.PartitionStore} ({@code enif*}) and as the
 * plain RocksDB JNI calls a store must make at the least ({@code raw*}), on two databases opened with the same options
 * and holding the same data ({@link StoragePair}). Every fork holds both databases, so both sides run under the same
 * conditions; the ratio enif/raw is what {@code docs/benchmarks.md} reports.
 *
 * <p>The raw side does the minimum: a put writes the stored value with its expiry header, reads return the stored
 * bytes without decoding them. The Enif side does what serving a request takes: build the response struct, check
 * expiry, strip the header, and for writes record the decree in the same batch.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
public class StorageBenchmark {
    private static final int SCAN_ROWS = 100;

    @Benchmark
    public read_response enifGet(StoragePair pair) {
        return pair.store.get(new blob(pair.randomKey()));
    }

    @Benchmark
    public byte[] rawGet(StoragePair pair) throws RocksDBException {
        return pair.raw.get(pair.rawData, pair.randomKey());
    }

    @Benchmark
    public update_response enifPut(StoragePair pair) {
        update_request request = new update_request(new blob(pair.randomKey()), new blob(pair.nextValue()), 0);
        return pair.store.apply(pair.nextDecree(), new WriteRequest.Put(request));
    }

    @Benchmark
    public void rawPut(StoragePair pair) throws RocksDBException {
        byte[] key = pair.randomKey();
        pair.raw.put(pair.rawData, pair.rawWrite, key, ValueCodec.encode(0, pair.nextValue()));
    }

    /** All ten sort keys of one hash key: a range multi_get, the usual way to read a hash key. */
    @Benchmark
    public multi_get_response enifMultiGet10(StoragePair pair) {
        multi_get_request request = new multi_get_request();
        request.setHash_key(new blob(pair.randomHashKey()));
        request.setStart_inclusive(true);
        return pair.store.multiGet(request);
    }

    @Benchmark
    public void rawMultiGet10(StoragePair pair, Blackhole sink) {
        byte[] prefix = KeyCodec.hashKeyPrefix(pair.randomHashKey());
        byte[] end = KeyCodec.successorOfPrefix(prefix);
        try (RocksIterator it = pair.raw.newIterator(pair.rawData, pair.rawRead)) {
            for (it.seek(prefix); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (Arrays.compareUnsigned(key, end) >= 0) {
                    break;
                }
                sink.consume(key);
                sink.consume(it.value());
            }
        }
    }

    /** One scan RPC of {@value #SCAN_ROWS} rows from a random hash key, then the context is cleared. */
    @Benchmark
    public scan_response enifScan100(StoragePair pair) {
        get_scanner_request request = new get_scanner_request();
        request.setStart_key(new blob(KeyCodec.hashKeyPrefix(pair.randomHashKey())));
        request.setStop_key(new blob(new byte[] {(byte) 0xff, (byte) 0xff}));
        request.setStart_inclusive(true);
        request.setBatch_size(SCAN_ROWS);
        scan_response response = pair.store.getScanner(request);
        if (response.getContext_id() >= 0) {
            pair.store.clearScanner(response.getContext_id());
        }
        return response;
    }

    @Benchmark
    public void rawScan100(StoragePair pair, Blackhole sink) {
        byte[] start = KeyCodec.hashKeyPrefix(pair.randomHashKey());
        try (RocksIterator it = pair.raw.newIterator(pair.rawData, pair.rawRead)) {
            int rows = 0;
            for (it.seek(start); it.isValid() && rows < SCAN_ROWS; it.next(), rows++) {
                sink.consume(it.key());
                sink.consume(it.value());
            }
        }
    }
}
