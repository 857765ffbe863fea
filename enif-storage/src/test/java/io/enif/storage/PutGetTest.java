package io.enif.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.proto.base.blob;
import io.enif.proto.rrdb.read_response;
import io.enif.proto.rrdb.update_request;
import io.enif.proto.rrdb.update_response;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PutGetTest extends StoreTestBase {

    @Test
    void putThenGetReturnsTheValueAndResponsesCarryTheHeader() {
        update_response w = put("h", "s", "v1");
        assertThat(w.decree).isEqualTo(decree);
        assertThat(w.app_id).isEqualTo(3);
        assertThat(w.partition_index).isEqualTo(5);
        assertThat(w.server).isEqualTo(SERVER);

        read_response r = store.get(key("h", "s"));
        assertThat(r.error).isZero();
        assertThat(str(r.value)).isEqualTo("v1");
        assertThat(r.app_id).isEqualTo(3);
        assertThat(r.partition_index).isEqualTo(5);
        assertThat(r.server).isEqualTo(SERVER);
    }

    @Test
    void getOfAMissingKeyIsNotFoundWithAnEmptyValue() {
        read_response r = store.get(key("h", "nope"));
        assertThat(r.error).isEqualTo(RocksStatus.NOT_FOUND);
        assertThat(r.value).isNotNull();
        assertThat(r.value.length()).isZero();
    }

    @Test
    void putOverwritesAndRemoveDeletes() {
        put("h", "s", "v1");
        put("h", "s", "v2");
        assertThat(get("h", "s")).isEqualTo("v2");

        update_response del = write(new WriteRequest.Remove(key("h", "s")));
        assertThat(del.error).isZero();
        assertThat(del.decree).isEqualTo(decree);
        assertThat(get("h", "s")).isNull();
    }

    @Test
    void removingAMissingKeySucceeds() {
        assertThat(write(new WriteRequest.Remove(key("h", "missing"))).error).isZero();
    }

    @Test
    void emptyValuesAndEmptyKeysAreStoredAsSuch() {
        put("h", "empty", "");
        put("", "", "root");
        put("", "only-sort", "x");
        assertThat(get("h", "empty")).isEqualTo("");
        assertThat(get("", "")).isEqualTo("root");
        assertThat(get("", "only-sort")).isEqualTo("x");
    }

    @Test
    void nullBlobsReadAsEmpty() {
        update_request nullValue = new update_request(key("h", "s"), null, 0);
        assertThat(write(new WriteRequest.Put(nullValue)).error).isZero();
        assertThat(get("h", "s")).isEqualTo("");

        update_response nullKey = write(new WriteRequest.Put(new update_request(null, b("v"), 0)));
        assertThat(nullKey.error).isEqualTo(RocksStatus.INVALID_ARGUMENT);
        assertThat(store.get(null).error).isEqualTo(RocksStatus.INVALID_ARGUMENT);
    }

    @Test
    void malformedKeysAreRejectedWithoutChangingDataButStillAdvanceTheDecree() {
        put("h", "s", "v");
        blob shortKey = new blob(new byte[] {0, 5, 'a'}); // declares 5 hash-key bytes, holds 1
        blob oneByte = new blob(new byte[] {0});

        update_response bad = write(new WriteRequest.Put(new update_request(shortKey, b("x"), 0)));
        assertThat(bad.error).isEqualTo(RocksStatus.INVALID_ARGUMENT);
        assertThat(bad.decree).isEqualTo(decree);
        assertThat(store.lastCommittedDecree()).isEqualTo(decree);
        assertThat(write(new WriteRequest.Remove(oneByte)).error).isEqualTo(RocksStatus.INVALID_ARGUMENT);

        assertThat(store.get(shortKey).error).isEqualTo(RocksStatus.INVALID_ARGUMENT);
        assertThat(store.ttl(oneByte).error).isEqualTo(RocksStatus.INVALID_ARGUMENT);
        assertThat(get("h", "s")).isEqualTo("v");
    }

    @Test
    void binaryKeysAndValuesRoundTrip() {
        byte[] value = new byte[256];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) i;
        }
        blob k = new blob(new byte[] {0, 2, (byte) 0xff, 0, (byte) 0x80, 0});
        write(new WriteRequest.Put(new update_request(k, new blob(value), 0)));
        assertThat(store.get(k).value.data()).isEqualTo(value);
    }

    @Test
    void aMutationAppliesSeveralRequestsUnderOneDecree() {
        List<?> responses = writeAll(List.of(
                new WriteRequest.Put(new update_request(key("h", "a"), b("1"), 0)),
                new WriteRequest.Put(new update_request(key("h", "b"), b("2"), 0)),
                new WriteRequest.Remove(key("h", "a"))));
        assertThat(responses)
                .hasSize(3)
                .allSatisfy(r -> assertThat(((update_response) r).decree).isEqualTo(decree));
        assertThat(get("h", "a")).isNull();
        assertThat(get("h", "b")).isEqualTo("2");
        assertThat(store.lastCommittedDecree()).isEqualTo(decree);
    }

    @Test
    void decreesMustIncrease() {
        put("h", "s", "v");
        long current = store.lastCommittedDecree();
        assertThatThrownBy(() -> store.applyEmpty(current)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.applyEmpty(current - 1)).isInstanceOf(IllegalArgumentException.class);
        store.applyEmpty(current + 5);
        assertThat(store.lastCommittedDecree()).isEqualTo(current + 5);
    }

    @Test
    void callsAfterCloseFail() {
        store.close();
        assertThatThrownBy(() -> store.get(key("h", "s"))).isInstanceOf(IllegalStateException.class);
        store.close(); // idempotent
        store = null;
    }
}
