package io.enif.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.proto.base.blob;
import io.enif.proto.key.KeyCodec;
import io.enif.proto.rrdb.key_value;
import io.enif.proto.rrdb.multi_get_request;
import io.enif.proto.rrdb.read_response;
import io.enif.proto.rrdb.update_request;
import io.enif.proto.rrdb.update_response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.thrift.TBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Opens a store per test in a temp dir with a manual clock, and offers short helpers. */
public abstract class StoreTestBase {
    protected static final Gpid GPID = new Gpid(3, 5);
    protected static final String SERVER = "127.0.0.1:34801";

    @TempDir
    protected Path tempDir;

    protected final ManualClock clock = new ManualClock();
    protected PartitionStore store;
    protected long decree;

    @BeforeEach
    void openStore() {
        store = open(tempDir.resolve("rdb"), options());
        decree = store.lastCommittedDecree();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    /** The options the test's store opens with; small buffers keep tests light. */
    protected StoreOptions options() {
        return StoreOptions.builder().writeBufferSize(4L << 20).build();
    }

    protected PartitionStore open(Path dir, StoreOptions options) {
        return PartitionStore.builder(dir)
                .gpid(GPID)
                .server(SERVER)
                .options(options)
                .clock(clock)
                .open();
    }

    protected static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    protected static blob b(String s) {
        return s == null ? null : blob.of(s);
    }

    protected static blob key(String hashKey, String sortKey) {
        return new blob(KeyCodec.encode(bytes(hashKey), bytes(sortKey)));
    }

    protected static String str(blob b) {
        return b == null ? null : new String(b.data(), StandardCharsets.UTF_8);
    }

    /** Applies one request under the next decree. */
    protected <R extends TBase<?, ?>> R write(WriteRequest<R> request) {
        return store.apply(++decree, request);
    }

    /** Applies several requests under one decree. */
    protected List<TBase<?, ?>> writeAll(List<? extends WriteRequest<?>> requests) {
        return store.apply(++decree, requests);
    }

    protected update_response put(String hashKey, String sortKey, String value) {
        return put(hashKey, sortKey, value, 0);
    }

    protected update_response put(String hashKey, String sortKey, String value, int expireTs) {
        update_response r = write(new WriteRequest.Put(new update_request(key(hashKey, sortKey), b(value), expireTs)));
        assertThat(r.error).isZero();
        return r;
    }

    /** The value, or null when get reports not found. */
    protected String get(String hashKey, String sortKey) {
        read_response r = store.get(key(hashKey, sortKey));
        if (r.error == RocksStatus.NOT_FOUND) {
            return null;
        }
        assertThat(r.error).isZero();
        return str(r.value);
    }

    /** A time in the future, 2016-epoch seconds. */
    protected int in(int seconds) {
        return clock.nowSeconds2016() + seconds;
    }

    protected static multi_get_request rangeRequest(String hashKey) {
        multi_get_request r = new multi_get_request();
        r.hash_key = b(hashKey);
        r.sort_keys = new ArrayList<>();
        r.start_sortkey = new blob();
        r.stop_sortkey = new blob();
        r.start_inclusive = true;
        r.stop_inclusive = false;
        return r;
    }

    protected static List<String> sortKeys(List<key_value> kvs) {
        List<String> out = new ArrayList<>();
        for (key_value kv : kvs) {
            out.add(str(kv.key));
        }
        return out;
    }
}
