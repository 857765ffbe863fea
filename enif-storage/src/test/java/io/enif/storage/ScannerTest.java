package io.enif.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.proto.base.blob;
import io.enif.proto.key.KeyCodec;
import io.enif.proto.rrdb.filter_type;
import io.enif.proto.rrdb.get_scanner_request;
import io.enif.proto.rrdb.key_value;
import io.enif.proto.rrdb.scan_request;
import io.enif.proto.rrdb.scan_response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ScannerTest extends StoreTestBase {
    private static final List<String> HASH_KEYS = List.of("apple", "banana", "cherry", "b");

    @BeforeEach
    void fill() {
        for (String hk : HASH_KEYS) {
            for (String sk : List.of("s1", "s2", "t1")) {
                put(hk, sk, hk + "." + sk);
            }
        }
    }

    /** A full-partition scan request (00 00 .. ff ff), as unordered scanners send. */
    private static get_scanner_request fullScan(int batchSize) {
        get_scanner_request r = new get_scanner_request();
        r.start_key = new blob(new byte[] {0, 0});
        r.stop_key = new blob(new byte[] {(byte) 0xff, (byte) 0xff});
        r.start_inclusive = true;
        r.stop_inclusive = false;
        r.batch_size = batchSize;
        return r;
    }

    private static get_scanner_request hashScan(String hashKey, String start, String stop, int batchSize) {
        get_scanner_request r = fullScan(batchSize);
        r.start_key = key(hashKey, start);
        r.stop_key = stop.isEmpty()
                ? new blob(KeyCodec.successorOfPrefix(KeyCodec.hashKeyPrefix(bytes(hashKey))))
                : key(hashKey, stop);
        return r;
    }

    /** Runs a scan to the end; returns "hash/sort" of every record, checking context ids on the way. */
    private List<String> scanAll(get_scanner_request request) {
        List<String> out = new ArrayList<>();
        scan_response page = store.getScanner(request);
        while (true) {
            assertThat(page.error).isZero();
            assertThat(page.server).isEqualTo(SERVER);
            for (key_value kv : page.kvs) {
                out.add(str(new blob(KeyCodec.hashKey(kv.key.data()))) + "/"
                        + str(new blob(KeyCodec.sortKey(kv.key.data()))));
            }
            if (page.context_id == -1) {
                return out;
            }
            assertThat(page.context_id).isNotNegative();
            page = store.scan(new scan_request(page.context_id));
        }
    }

    private static String full(String hk, String sk) {
        return hk + "/" + sk;
    }

    @Test
    void aFullScanPagesThroughEveryRecordInKeyOrder() {
        List<String> all = scanAll(fullScan(2));
        // encoded keys sort by hash-key length first: "b", then "apple", then "banana"/"cherry"
        assertThat(all)
                .containsExactly(
                        full("b", "s1"),
                        full("b", "s2"),
                        full("b", "t1"),
                        full("apple", "s1"),
                        full("apple", "s2"),
                        full("apple", "t1"),
                        full("banana", "s1"),
                        full("banana", "s2"),
                        full("banana", "t1"),
                        full("cherry", "s1"),
                        full("cherry", "s2"),
                        full("cherry", "t1"));
    }

    @Test
    void pagesHoldAtMostTheBatchSizeAndEveryHandleIsNew() {
        scan_response first = store.getScanner(fullScan(5));
        assertThat(first.kvs).hasSize(5);
        scan_response second = store.scan(new scan_request(first.context_id));
        assertThat(second.kvs).hasSize(5);
        assertThat(second.context_id).isNotNegative().isNotEqualTo(first.context_id);
        assertThat(store.scan(new scan_request(first.context_id)).error).isEqualTo(RocksStatus.NOT_FOUND);
        scan_response last = store.scan(new scan_request(second.context_id));
        assertThat(last.kvs).hasSize(2);
        assertThat(last.context_id).isEqualTo(-1);
    }

    @Test
    void returnedKeysAreFullEncodedKeysWithUserValues() {
        scan_response r = store.getScanner(hashScan("apple", "s1", "s1", 10).setStop_inclusive(true));
        assertThat(r.kvs).hasSize(1);
        assertThat(r.kvs.get(0).key.data()).isEqualTo(KeyCodec.encode(bytes("apple"), bytes("s1")));
        assertThat(str(r.kvs.get(0).value)).isEqualTo("apple.s1");
        assertThat(r.kvs.get(0).isSetExpire_ts_seconds()).isFalse();
        assertThat(r.context_id).isEqualTo(-1);
    }

    @Test
    void aPageThatReachesTheEndOfTheRangeCompletesAtOnce() {
        scan_response r = store.getScanner(hashScan("apple", "", "", 3));
        assertThat(r.kvs).hasSize(3);
        assertThat(r.context_id).isEqualTo(-1);
    }

    @Test
    void inclusiveAndExclusiveBounds() {
        assertThat(scanAll(hashScan("banana", "s1", "t1", 1)))
                .containsExactly(full("banana", "s1"), full("banana", "s2"));
        get_scanner_request excl = hashScan("banana", "s1", "t1", 1);
        excl.start_inclusive = false;
        excl.stop_inclusive = true;
        assertThat(scanAll(excl)).containsExactly(full("banana", "s2"), full("banana", "t1"));
    }

    @Test
    void anEmptyRangeCompletesWithNothing() {
        for (get_scanner_request r : List.of(
                hashScan("apple", "t1", "s1", 10), hashScan("apple", "s1", "s1", 10), hashScan("nobody", "", "", 10))) {
            scan_response response = store.getScanner(r);
            assertThat(response.error).isZero();
            assertThat(response.kvs).isEmpty();
            assertThat(response.context_id).isEqualTo(-1);
        }
    }

    @Test
    void anUnknownContextIsNotFound() {
        scan_response r = store.scan(new scan_request(123456789L));
        assertThat(r.error).isEqualTo(RocksStatus.NOT_FOUND);
        assertThat(r.kvs).isNotNull().isEmpty();
    }

    @Test
    void clearScannerDiscardsTheContext() {
        scan_response first = store.getScanner(fullScan(2));
        store.clearScanner(first.context_id);
        assertThat(store.scan(new scan_request(first.context_id)).error).isEqualTo(RocksStatus.NOT_FOUND);
        store.clearScanner(first.context_id); // unknown: nothing happens
    }

    @Test
    void idleContextsExpireAfterTheTimeout() {
        scan_response kept = store.getScanner(fullScan(2));
        clock.advanceSeconds(299);
        scan_response alive = store.scan(new scan_request(kept.context_id));
        assertThat(alive.error).isZero();

        clock.advanceSeconds(301);
        assertThat(store.scan(new scan_request(alive.context_id)).error).isEqualTo(RocksStatus.NOT_FOUND);

        scan_response other = store.getScanner(fullScan(2));
        clock.advanceSeconds(301);
        assertThat(store.expireIdleScanners()).isEqualTo(1);
        assertThat(store.scan(new scan_request(other.context_id)).error).isEqualTo(RocksStatus.NOT_FOUND);
    }

    @Test
    void hashKeyFilters() {
        assertThat(hashKeysOf(filtered(r -> {
                    r.hash_key_filter_type = filter_type.FT_MATCH_PREFIX;
                    r.hash_key_filter_pattern = b("b");
                })))
                .containsExactly("b", "banana");
        assertThat(hashKeysOf(filtered(r -> {
                    r.hash_key_filter_type = filter_type.FT_MATCH_ANYWHERE;
                    r.hash_key_filter_pattern = b("an");
                })))
                .containsExactly("banana");
        assertThat(hashKeysOf(filtered(r -> {
                    r.hash_key_filter_type = filter_type.FT_MATCH_POSTFIX;
                    r.hash_key_filter_pattern = b("rry");
                })))
                .containsExactly("cherry");
    }

    @Test
    void sortKeyFiltersAndBothTogether() {
        List<String> sortPrefix = filtered(r -> {
            r.sort_key_filter_type = filter_type.FT_MATCH_PREFIX;
            r.sort_key_filter_pattern = b("t");
        });
        assertThat(sortPrefix).hasSize(4).allMatch(k -> k.endsWith("/t1"));
        List<String> both = filtered(r -> {
            r.hash_key_filter_type = filter_type.FT_MATCH_PREFIX;
            r.hash_key_filter_pattern = b("ch");
            r.sort_key_filter_type = filter_type.FT_MATCH_POSTFIX;
            r.sort_key_filter_pattern = b("2");
        });
        assertThat(both).containsExactly(full("cherry", "s2"));
    }

    private List<String> filtered(Consumer<get_scanner_request> setup) {
        get_scanner_request r = fullScan(2);
        setup.accept(r);
        return scanAll(r);
    }

    private static List<String> hashKeysOf(List<String> records) {
        List<String> out = new ArrayList<>();
        for (String r : records) {
            String hk = r.substring(0, r.indexOf('/'));
            if (!out.contains(hk)) {
                out.add(hk);
            }
        }
        return out;
    }

    @Test
    void noValueReturnExpireTsAndOnlyReturnCount() {
        put("apple", "ttl", "x", in(50));
        get_scanner_request keysOnly = hashScan("apple", "", "", 10);
        keysOnly.no_value = true;
        keysOnly.setReturn_expire_ts(true);
        scan_response r = store.getScanner(keysOnly);
        assertThat(r.kvs)
                .hasSize(4)
                .allSatisfy(kv -> assertThat(kv.value.length()).isZero());
        assertThat(r.kvs).extracting(kv -> kv.expire_ts_seconds).containsExactly(0, 0, 0, in(50));

        get_scanner_request count = fullScan(100);
        count.setOnly_return_count(true);
        scan_response counted = store.getScanner(count);
        assertThat(counted.kvs).isEmpty();
        assertThat(counted.isSetKv_count()).isTrue();
        assertThat(counted.kv_count).isEqualTo(13);
    }

    @Test
    void expiredRecordsAreSkipped() {
        put("apple", "s1", "soon", in(1));
        clock.advanceSeconds(1);
        assertThat(scanAll(hashScan("apple", "", "", 10))).containsExactly(full("apple", "s2"), full("apple", "t1"));
    }

    @Test
    void handlesAreUniqueAndNonNegative() {
        Set<Long> handles = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            long id = store.getScanner(fullScan(1)).context_id;
            assertThat(id).isNotNegative();
            handles.add(id);
        }
        assertThat(handles).hasSize(50);
    }

    @Test
    void closingTheStoreWithOpenContextsReleasesThem() {
        store.getScanner(fullScan(1));
        store.getScanner(fullScan(1));
        store.close();
        store = null;
    }

    @Test
    void theBatchSizeIsCappedAndOneRpcExaminesAtMostTheCap() {
        store.close();
        store = open(
                tempDir.resolve("capped"),
                options().toBuilder().maxIterationCount(3).build());
        decree = 0;
        for (int i = 0; i < 5; i++) {
            put("h", "dead" + i, "x", in(1));
        }
        clock.advanceSeconds(1);
        for (int i = 0; i < 5; i++) {
            put("h", "live" + i, "x");
        }
        scan_response first = store.getScanner(hashScan("h", "", "", 100));
        assertThat(first.error).isZero();
        assertThat(first.kvs).isEmpty(); // three expired records examined, all skipped
        assertThat(first.context_id).isNotNegative();
        scan_response second = store.scan(new scan_request(first.context_id));
        assertThat(sortKeysOfScan(second)).containsExactly("live0");

        assertThat(store.getScanner(hashScan("h", "live", "", 0)).kvs).hasSize(3);
        assertThat(scanAll(hashScan("h", "", "", 100))).hasSize(5);
    }

    private static List<String> sortKeysOfScan(scan_response r) {
        List<String> out = new ArrayList<>();
        for (key_value kv : r.kvs) {
            out.add(str(new blob(KeyCodec.sortKey(kv.key.data()))));
        }
        return out;
    }

    @Test
    void runningOutOfTimeIsIncompleteAndDropsTheContext() {
        clock.autoAdvanceNanos(20_000_000_000L);
        scan_response r = store.getScanner(fullScan(100));
        assertThat(r.error).isEqualTo(RocksStatus.INCOMPLETE);
        assertThat(r.context_id).isEqualTo(-1);
        assertThat(r.kvs.size()).isLessThan(12);
    }
}
