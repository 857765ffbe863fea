package io.enif.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.proto.base.blob;
import io.enif.proto.key.KeyCodec;
import io.enif.proto.rrdb.batch_get_request;
import io.enif.proto.rrdb.full_key;
import io.enif.proto.rrdb.get_scanner_request;
import io.enif.proto.rrdb.incr_request;
import io.enif.proto.rrdb.incr_response;
import io.enif.proto.rrdb.multi_get_request;
import io.enif.proto.rrdb.scan_response;
import io.enif.proto.rrdb.ttl_response;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TtlTest extends StoreTestBase {

    @Test
    void ttlOfARecordWithoutExpiryIsMinusOne() {
        put("h", "s", "v");
        ttl_response r = store.ttl(key("h", "s"));
        assertThat(r.error).isZero();
        assertThat(r.ttl_seconds).isEqualTo(-1);
        assertThat(r.server).isEqualTo(SERVER);
    }

    @Test
    void ttlCountsDownWithTheClock() {
        put("h", "s", "v", in(100));
        assertThat(store.ttl(key("h", "s")).ttl_seconds).isEqualTo(100);
        clock.advanceSeconds(40);
        assertThat(store.ttl(key("h", "s")).ttl_seconds).isEqualTo(60);
    }

    @Test
    void ttlOfAnAbsentRecordIsNotFound() {
        assertThat(store.ttl(key("h", "none")).error).isEqualTo(RocksStatus.NOT_FOUND);
    }

    @Test
    void aRecordIsExpiredExactlyWhenItsExpiryIsReached() {
        put("h", "s", "v", in(5));
        clock.advanceSeconds(4);
        assertThat(get("h", "s")).isEqualTo("v");
        assertThat(store.ttl(key("h", "s")).ttl_seconds).isEqualTo(1);
        clock.advanceSeconds(1);
        assertThat(get("h", "s")).isNull();
        assertThat(store.ttl(key("h", "s")).error).isEqualTo(RocksStatus.NOT_FOUND);
    }

    @Test
    void expiredRecordsAreInvisibleToEveryRead() {
        put("h", "live", "1");
        put("h", "old", "2", in(1));
        clock.advanceSeconds(1);

        multi_get_request range = rangeRequest("h");
        assertThat(sortKeys(store.multiGet(range).kvs)).containsExactly("live");

        multi_get_request points = rangeRequest("h");
        points.sort_keys = List.of(b("live"), b("old"));
        assertThat(sortKeys(store.multiGet(points).kvs)).containsExactly("live");

        batch_get_request batch =
                new batch_get_request(List.of(new full_key(b("h"), b("old")), new full_key(b("h"), b("live"))));
        assertThat(store.batchGet(batch).data).extracting(d -> str(d.sort_key)).containsExactly("live");

        assertThat(store.sortkeyCount(b("h")).count).isEqualTo(1);

        get_scanner_request scan = new get_scanner_request();
        scan.start_key = new blob(KeyCodec.hashKeyPrefix(bytes("h")));
        scan.stop_key = new blob(KeyCodec.successorOfPrefix(KeyCodec.hashKeyPrefix(bytes("h"))));
        scan.start_inclusive = true;
        scan.batch_size = 10;
        scan_response s = store.getScanner(scan);
        assertThat(s.kvs).extracting(kv -> str(kv.value)).containsExactly("1");
        assertThat(s.context_id).isEqualTo(-1);
    }

    @Test
    void aDefaultTtlStampsWritesWithoutExpiry() {
        store.setDefaultTtl(600);
        put("h", "d", "v");
        put("h", "explicit", "v", in(50));
        assertThat(store.ttl(key("h", "d")).ttl_seconds).isEqualTo(600);
        assertThat(store.ttl(key("h", "explicit")).ttl_seconds).isEqualTo(50);
        store.setDefaultTtl(0);
        put("h", "after", "v");
        assertThat(store.ttl(key("h", "after")).ttl_seconds).isEqualTo(-1);
    }

    @Test
    void anExplicitMutationTimeDecidesExpiry() {
        put("h", "s", "10", in(5));
        // A replica applying the primary's mutation stamped before the expiry sees the record alive.
        clock.advanceSeconds(10);
        incr_request incr = new incr_request(key("h", "s"), 1, 0);
        incr_response r =
                (incr_response) store.apply(++decree, clock.nowSeconds2016() - 8, List.of(new WriteRequest.Incr(incr)))
                        .get(0);
        assertThat(r.new_value).isEqualTo(11);
    }
}
