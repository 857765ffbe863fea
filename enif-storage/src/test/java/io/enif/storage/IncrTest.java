package io.enif.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.proto.rrdb.incr_request;
import io.enif.proto.rrdb.incr_response;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IncrTest extends StoreTestBase {

    private incr_response incr(String sortKey, long increment, int expireTs) {
        return write(new WriteRequest.Incr(new incr_request(key("h", sortKey), increment, expireTs)));
    }

    private int ttl(String sortKey) {
        return store.ttl(key("h", sortKey)).ttl_seconds;
    }

    @Test
    void incrOfAMissingRecordStartsFromZero() {
        incr_response r = incr("c", 5, 0);
        assertThat(r.error).isZero();
        assertThat(r.new_value).isEqualTo(5);
        assertThat(r.decree).isEqualTo(decree);
        assertThat(r.server).isEqualTo(SERVER);
        assertThat(get("h", "c")).isEqualTo("5");
        assertThat(ttl("c")).isEqualTo(-1);
    }

    @Test
    void incrAddsToAnIntegerAndStoresDecimalText() {
        put("h", "c", "-7");
        assertThat(incr("c", 10, 0).new_value).isEqualTo(3);
        assertThat(incr("c", -5, 0).new_value).isEqualTo(-2);
        assertThat(get("h", "c")).isEqualTo("-2");
        assertThat(incr("c", 0, 0).new_value).isEqualTo(-2);
    }

    @Test
    void anEmptyValueCountsAsZero() {
        put("h", "c", "");
        assertThat(incr("c", 4, 0).new_value).isEqualTo(4);
    }

    @Test
    void anExpiredRecordStartsFromZeroWithoutTtl() {
        put("h", "c", "100", in(5));
        clock.advanceSeconds(5);
        incr_response r = incr("c", 1, 0);
        assertThat(r.new_value).isEqualTo(1);
        assertThat(ttl("c")).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", " 5", "5 ", "0x10", "++1", "-", "+", "9223372036854775808", "１２"})
    void aNonIntegerValueIsInvalidAndUnchanged(String value) {
        put("h", "c", value);
        incr_response r = incr("c", 1, 0);
        assertThat(r.error).isEqualTo(RocksStatus.INVALID_ARGUMENT);
        assertThat(get("h", "c")).isEqualTo(value);
        assertThat(store.lastCommittedDecree()).isEqualTo(decree);
    }

    @Test
    void signedAndExtremeIntegersParse() {
        put("h", "c", "+41");
        assertThat(incr("c", 1, 0).new_value).isEqualTo(42);
        put("h", "min", "-9223372036854775808");
        assertThat(incr("min", 1, 0).new_value).isEqualTo(Long.MIN_VALUE + 1);
    }

    @Test
    void overflowIsInvalidReportsTheOldValueAndWritesNothing() {
        put("h", "c", String.valueOf(Long.MAX_VALUE));
        incr_response up = incr("c", 1, 0);
        assertThat(up.error).isEqualTo(RocksStatus.INVALID_ARGUMENT);
        assertThat(up.new_value).isEqualTo(Long.MAX_VALUE);
        assertThat(get("h", "c")).isEqualTo(String.valueOf(Long.MAX_VALUE));

        put("h", "d", String.valueOf(Long.MIN_VALUE));
        incr_response down = incr("d", -1, 0);
        assertThat(down.error).isEqualTo(RocksStatus.INVALID_ARGUMENT);
        assertThat(down.new_value).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void zeroExpiryKeepsTheOldTtl() {
        put("h", "c", "1", in(100));
        clock.advanceSeconds(10);
        incr("c", 1, 0);
        assertThat(ttl("c")).isEqualTo(90);
    }

    @Test
    void positiveExpirySetsTheTtl() {
        put("h", "c", "1", in(100));
        incr("c", 1, in(20));
        assertThat(ttl("c")).isEqualTo(20);
        put("h", "no-ttl", "1");
        incr("no-ttl", 1, in(30));
        assertThat(ttl("no-ttl")).isEqualTo(30);
    }

    @Test
    void negativeExpiryClearsTheTtl() {
        put("h", "c", "1", in(100));
        incr("c", 1, -1);
        assertThat(ttl("c")).isEqualTo(-1);
        assertThat(get("h", "c")).isEqualTo("2");
    }

    @Test
    void aNewRecordTakesOnlyAPositiveExpiry() {
        incr("pos", 1, in(30));
        incr("neg", 1, -1);
        incr("zero", 1, 0);
        assertThat(ttl("pos")).isEqualTo(30);
        assertThat(ttl("neg")).isEqualTo(-1);
        assertThat(ttl("zero")).isEqualTo(-1);
    }

    @Test
    void incrsInOneMutationSeeEachOther() {
        List<?> responses = writeAll(List.of(
                new WriteRequest.Incr(new incr_request(key("h", "c"), 1, 0)),
                new WriteRequest.Incr(new incr_request(key("h", "c"), 2, 0)),
                new WriteRequest.Incr(new incr_request(key("h", "c"), 3, 0))));
        assertThat(responses).extracting(r -> ((incr_response) r).new_value).containsExactly(1L, 3L, 6L);
        assertThat(get("h", "c")).isEqualTo("6");
    }

    @Test
    void aMalformedKeyIsInvalid() {
        incr_response r = write(new WriteRequest.Incr(new incr_request(b("x"), 1, 0)));
        assertThat(r.error).isEqualTo(RocksStatus.INVALID_ARGUMENT);
    }
}
