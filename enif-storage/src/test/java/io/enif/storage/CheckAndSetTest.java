package io.enif.storage;

import static io.enif.proto.rrdb.cas_check_type.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.enif.proto.rrdb.cas_check_type;
import io.enif.proto.rrdb.check_and_set_request;
import io.enif.proto.rrdb.check_and_set_response;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CheckAndSetTest extends StoreTestBase {

    private check_and_set_response cas(cas_check_type type, String operand, boolean returnCheckValue) {
        check_and_set_request r = new check_and_set_request();
        r.hash_key = b("h");
        r.check_sort_key = b("c");
        r.check_type = type;
        r.check_operand = b(operand);
        r.set_diff_sort_key = true;
        r.set_sort_key = b("target");
        r.set_value = b("written");
        r.return_check_value = returnCheckValue;
        return write(new WriteRequest.CheckAndSet(r));
    }

    /** (check type, current value or null for absent, operand, expected status). */
    static Stream<Arguments> checks() {
        int ok = RocksStatus.OK;
        int fail = RocksStatus.TRY_AGAIN;
        int bad = RocksStatus.INVALID_ARGUMENT;
        return Stream.of(
                Arguments.of(CT_NO_CHECK, null, "", ok),
                Arguments.of(CT_NO_CHECK, "x", "", ok),
                Arguments.of(CT_VALUE_NOT_EXIST, null, "", ok),
                Arguments.of(CT_VALUE_NOT_EXIST, "", "", fail),
                Arguments.of(CT_VALUE_NOT_EXIST_OR_EMPTY, null, "", ok),
                Arguments.of(CT_VALUE_NOT_EXIST_OR_EMPTY, "", "", ok),
                Arguments.of(CT_VALUE_NOT_EXIST_OR_EMPTY, "x", "", fail),
                Arguments.of(CT_VALUE_EXIST, "", "", ok),
                Arguments.of(CT_VALUE_EXIST, null, "", fail),
                Arguments.of(CT_VALUE_NOT_EMPTY, "x", "", ok),
                Arguments.of(CT_VALUE_NOT_EMPTY, "", "", fail),
                Arguments.of(CT_VALUE_NOT_EMPTY, null, "", fail),
                Arguments.of(CT_VALUE_MATCH_ANYWHERE, "abcde", "cd", ok),
                Arguments.of(CT_VALUE_MATCH_ANYWHERE, "abcde", "", ok),
                Arguments.of(CT_VALUE_MATCH_ANYWHERE, "abcde", "ce", fail),
                Arguments.of(CT_VALUE_MATCH_ANYWHERE, null, "", fail),
                Arguments.of(CT_VALUE_MATCH_PREFIX, "abcde", "ab", ok),
                Arguments.of(CT_VALUE_MATCH_PREFIX, "abcde", "bc", fail),
                Arguments.of(CT_VALUE_MATCH_PREFIX, "ab", "abc", fail),
                Arguments.of(CT_VALUE_MATCH_POSTFIX, "abcde", "de", ok),
                Arguments.of(CT_VALUE_MATCH_POSTFIX, "abcde", "cd", fail),
                Arguments.of(CT_VALUE_MATCH_POSTFIX, null, "de", fail),
                Arguments.of(CT_VALUE_BYTES_LESS, "abc", "abd", ok),
                Arguments.of(CT_VALUE_BYTES_LESS, "abc", "abc", fail),
                Arguments.of(CT_VALUE_BYTES_LESS, "\u00ff", "a", fail), // unsigned: 0xc3 0xbf > 'a'
                Arguments.of(CT_VALUE_BYTES_LESS, null, "z", fail),
                Arguments.of(CT_VALUE_BYTES_LESS_OR_EQUAL, "abc", "abc", ok),
                Arguments.of(CT_VALUE_BYTES_LESS_OR_EQUAL, "abd", "abc", fail),
                Arguments.of(CT_VALUE_BYTES_EQUAL, "abc", "abc", ok),
                Arguments.of(CT_VALUE_BYTES_EQUAL, "abc", "ab", fail),
                Arguments.of(CT_VALUE_BYTES_EQUAL, "", "", ok),
                Arguments.of(CT_VALUE_BYTES_EQUAL, null, "", fail),
                Arguments.of(CT_VALUE_BYTES_GREATER_OR_EQUAL, "abc", "abc", ok),
                Arguments.of(CT_VALUE_BYTES_GREATER_OR_EQUAL, "ab", "abc", fail),
                Arguments.of(CT_VALUE_BYTES_GREATER, "b", "abc", ok),
                Arguments.of(CT_VALUE_BYTES_GREATER, "abc", "abc", fail),
                Arguments.of(CT_VALUE_INT_LESS, "9", "10", ok),
                Arguments.of(CT_VALUE_INT_LESS, "10", "10", fail),
                Arguments.of(CT_VALUE_INT_LESS, null, "10", fail),
                Arguments.of(CT_VALUE_INT_LESS_OR_EQUAL, "-3", "-3", ok),
                Arguments.of(CT_VALUE_INT_LESS_OR_EQUAL, "-2", "-3", fail),
                Arguments.of(CT_VALUE_INT_EQUAL, "+7", "7", ok),
                Arguments.of(CT_VALUE_INT_EQUAL, "7", "8", fail),
                Arguments.of(CT_VALUE_INT_GREATER_OR_EQUAL, "8", "7", ok),
                Arguments.of(CT_VALUE_INT_GREATER_OR_EQUAL, "6", "7", fail),
                Arguments.of(CT_VALUE_INT_GREATER, "100", "99", ok),
                Arguments.of(CT_VALUE_INT_GREATER, "99", "99", fail),
                Arguments.of(CT_VALUE_INT_GREATER, "abc", "1", bad),
                Arguments.of(CT_VALUE_INT_EQUAL, "1", "x", bad),
                Arguments.of(CT_VALUE_INT_LESS, "", "1", bad),
                Arguments.of(CT_VALUE_INT_LESS_OR_EQUAL, "99999999999999999999", "1", bad));
    }

    @ParameterizedTest(name = "{0} value={1} operand={2} -> {3}")
    @MethodSource("checks")
    void everyCheckTypePassesOrFailsAsSpecified(cas_check_type type, String value, String operand, int status) {
        if (value != null) {
            put("h", "c", value);
        }
        check_and_set_response r = cas(type, operand, false);
        assertThat(r.error).isEqualTo(status);
        assertThat(r.decree).isEqualTo(decree);
        assertThat(get("h", "target")).isEqualTo(status == RocksStatus.OK ? "written" : null);
        assertThat(get("h", "c")).isEqualTo(value);
    }

    @Test
    void everyCheckTypeIsCovered() {
        assertThat(checks().map(a -> a.get()[0]).distinct().count()).isEqualTo(cas_check_type.values().length);
    }

    @Test
    void returnCheckValueReportsTheOldValue() {
        put("h", "c", "old");
        check_and_set_response r = cas(CT_VALUE_BYTES_EQUAL, "other", true);
        assertThat(r.error).isEqualTo(RocksStatus.TRY_AGAIN);
        assertThat(r.check_value_returned).isTrue();
        assertThat(r.check_value_exist).isTrue();
        assertThat(str(r.check_value)).isEqualTo("old");
    }

    @Test
    void returnCheckValueOfAnAbsentOrExpiredValue() {
        check_and_set_response absent = cas(CT_VALUE_NOT_EXIST, "", true);
        assertThat(absent.error).isZero();
        assertThat(absent.check_value_returned).isTrue();
        assertThat(absent.check_value_exist).isFalse();
        assertThat(absent.check_value).isNotNull();

        put("h", "c", "soon", in(1));
        clock.advanceSeconds(1);
        check_and_set_response expired = cas(CT_VALUE_EXIST, "", true);
        assertThat(expired.error).isEqualTo(RocksStatus.TRY_AGAIN);
        assertThat(expired.check_value_exist).isFalse();
    }

    @Test
    void withoutReturnCheckValueNothingIsReturned() {
        put("h", "c", "old");
        check_and_set_response r = cas(CT_VALUE_EXIST, "", false);
        assertThat(r.check_value_returned).isFalse();
        assertThat(r.check_value_exist).isFalse();
        assertThat(r.check_value.length()).isZero();
    }

    @Test
    void compareExchangeSetsTheCheckedKeyItselfWithItsTtl() {
        put("h", "c", "v1");
        check_and_set_request r = new check_and_set_request();
        r.hash_key = b("h");
        r.check_sort_key = b("c");
        r.check_type = CT_VALUE_BYTES_EQUAL;
        r.check_operand = b("v1");
        r.set_diff_sort_key = false;
        r.set_value = b("v2");
        r.set_expire_ts_seconds = in(30);
        r.return_check_value = true;
        check_and_set_response resp = write(new WriteRequest.CheckAndSet(r));
        assertThat(resp.error).isZero();
        assertThat(str(resp.check_value)).isEqualTo("v1");
        assertThat(get("h", "c")).isEqualTo("v2");
        assertThat(store.ttl(key("h", "c")).ttl_seconds).isEqualTo(30);
    }

    @Test
    void anUnknownCheckTypeIsInvalid() {
        put("h", "c", "v");
        check_and_set_response r = cas(null, "", true);
        assertThat(r.error).isEqualTo(RocksStatus.INVALID_ARGUMENT);
        assertThat(get("h", "target")).isNull();
    }

    @Test
    void lockPattern() {
        check_and_set_request lock = new check_and_set_request();
        lock.hash_key = b("L");
        lock.check_sort_key = b("lock");
        lock.check_type = CT_VALUE_NOT_EXIST;
        lock.set_value = b("owner1");
        lock.return_check_value = true;
        assertThat(write(new WriteRequest.CheckAndSet(lock)).error).isZero();
        lock.set_value = b("owner2");
        check_and_set_response second = write(new WriteRequest.CheckAndSet(lock));
        assertThat(second.error).isEqualTo(RocksStatus.TRY_AGAIN);
        assertThat(str(second.check_value)).isEqualTo("owner1");
        assertThat(get("L", "lock")).isEqualTo("owner1");
    }
}
