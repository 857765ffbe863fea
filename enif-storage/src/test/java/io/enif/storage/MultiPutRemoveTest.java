package io.enif.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.proto.base.blob;
import io.enif.proto.rrdb.key_value;
import io.enif.proto.rrdb.multi_put_request;
import io.enif.proto.rrdb.multi_remove_request;
import io.enif.proto.rrdb.multi_remove_response;
import io.enif.proto.rrdb.update_response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MultiPutRemoveTest extends StoreTestBase {

    private update_response multiPut(String hashKey, int expireTs, String... sortKeyValues) {
        List<key_value> kvs = new ArrayList<>();
        for (int i = 0; i < sortKeyValues.length; i += 2) {
            kvs.add(new key_value(b(sortKeyValues[i]), b(sortKeyValues[i + 1])));
        }
        return write(new WriteRequest.MultiPut(new multi_put_request(b(hashKey), kvs, expireTs)));
    }

    private multi_remove_response multiRemove(String hashKey, String... sortKeys) {
        List<blob> keys = new ArrayList<>();
        for (String sk : sortKeys) {
            keys.add(b(sk));
        }
        return write(new WriteRequest.MultiRemove(new multi_remove_request(b(hashKey), keys, 100)));
    }

    @Test
    void multiPutStoresEverySortKeyUnderTheHashKey() {
        update_response r = multiPut("h", 0, "a", "1", "b", "2", "c", "3");
        assertThat(r.error).isZero();
        assertThat(r.decree).isEqualTo(decree);
        assertThat(get("h", "a")).isEqualTo("1");
        assertThat(get("h", "b")).isEqualTo("2");
        assertThat(get("h", "c")).isEqualTo("3");
    }

    @Test
    void multiPutAppliesTheRequestExpiryToEveryEntry() {
        multiPut("h", in(10), "a", "1", "b", "2");
        assertThat(store.ttl(key("h", "a")).ttl_seconds).isEqualTo(10);
        assertThat(store.ttl(key("h", "b")).ttl_seconds).isEqualTo(10);
        clock.advanceSeconds(10);
        assertThat(get("h", "a")).isNull();
        assertThat(get("h", "b")).isNull();
    }

    @Test
    void multiPutWithNoKvsIsInvalidAndWritesNothing() {
        assertThat(multiPut("h", 0).error).isEqualTo(RocksStatus.INVALID_ARGUMENT);
        assertThat(write(new WriteRequest.MultiPut(new multi_put_request(b("h"), null, 0))).error)
                .isEqualTo(RocksStatus.INVALID_ARGUMENT);
        assertThat(store.sortkeyCount(b("h")).count).isZero();
        assertThat(store.lastCommittedDecree()).isEqualTo(decree);
    }

    @Test
    void multiRemoveCountsTheSortKeysOfTheRequestPresentOrNot() {
        multiPut("h", 0, "a", "1", "b", "2", "c", "3");
        multi_remove_response r = multiRemove("h", "a", "c", "missing");
        assertThat(r.error).isZero();
        assertThat(r.count).isEqualTo(3);
        assertThat(r.decree).isEqualTo(decree);
        assertThat(get("h", "a")).isNull();
        assertThat(get("h", "b")).isEqualTo("2");
        assertThat(get("h", "c")).isNull();
    }

    @Test
    void multiRemoveWithNoSortKeysIsInvalid() {
        multiPut("h", 0, "a", "1");
        multi_remove_response r = multiRemove("h");
        assertThat(r.error).isEqualTo(RocksStatus.INVALID_ARGUMENT);
        assertThat(r.count).isZero();
        assertThat(get("h", "a")).isEqualTo("1");
    }

    @Test
    void aTooLongHashKeyIsInvalid() {
        String longHashKey = "x".repeat(0xFFFF);
        assertThat(multiPut(longHashKey, 0, "a", "1").error).isEqualTo(RocksStatus.INVALID_ARGUMENT);
        assertThat(multiRemove(longHashKey, "a").error).isEqualTo(RocksStatus.INVALID_ARGUMENT);
    }

    @Test
    void aBadRequestInAMutationLeavesTheOthersApplied() {
        List<?> responses = writeAll(List.of(
                new WriteRequest.MultiPut(new multi_put_request(b("h"), List.of(new key_value(b("a"), b("1"))), 0)),
                new WriteRequest.MultiPut(new multi_put_request(b("h"), List.of(), 0)),
                new WriteRequest.MultiRemove(new multi_remove_request(b("h"), List.of(b("zz")), 100))));
        assertThat(((update_response) responses.get(0)).error).isZero();
        assertThat(((update_response) responses.get(1)).error).isEqualTo(RocksStatus.INVALID_ARGUMENT);
        assertThat(((multi_remove_response) responses.get(2)).count).isEqualTo(1);
        assertThat(get("h", "a")).isEqualTo("1");
    }
}
