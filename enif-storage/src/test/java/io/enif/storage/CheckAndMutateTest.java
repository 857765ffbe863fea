package io.enif.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.proto.rrdb.cas_check_type;
import io.enif.proto.rrdb.check_and_mutate_request;
import io.enif.proto.rrdb.check_and_mutate_response;
import io.enif.proto.rrdb.mutate;
import io.enif.proto.rrdb.mutate_operation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CheckAndMutateTest extends StoreTestBase {

    private static mutate set(String sortKey, String value, int expireTs) {
        return new mutate(mutate_operation.MO_PUT, b(sortKey), b(value), expireTs);
    }

    private static mutate del(String sortKey) {
        return new mutate(mutate_operation.MO_DELETE, b(sortKey), null, 0);
    }

    private check_and_mutate_response cam(cas_check_type type, String operand, List<mutate> mutations) {
        check_and_mutate_request r = new check_and_mutate_request();
        r.hash_key = b("h");
        r.check_sort_key = b("c");
        r.check_type = type;
        r.check_operand = b(operand);
        r.mutate_list = mutations;
        r.return_check_value = true;
        return write(new WriteRequest.CheckAndMutate(r));
    }

    @Test
    void aPassingCheckAppliesEveryMutationInOrder() {
        put("h", "c", "go");
        put("h", "gone", "x");
        check_and_mutate_response r = cam(
                cas_check_type.CT_VALUE_BYTES_EQUAL,
                "go",
                List.of(set("a", "1", 0), set("b", "2", in(40)), del("gone"), set("a", "3", 0), del("b")));
        assertThat(r.error).isZero();
        assertThat(r.decree).isEqualTo(decree);
        assertThat(r.check_value_returned).isTrue();
        assertThat(r.check_value_exist).isTrue();
        assertThat(str(r.check_value)).isEqualTo("go");
        assertThat(get("h", "a")).isEqualTo("3");
        assertThat(get("h", "b")).isNull();
        assertThat(get("h", "gone")).isNull();
    }

    @Test
    void mutationsCarryTheirOwnExpiry() {
        cam(cas_check_type.CT_NO_CHECK, "", List.of(set("t", "v", in(40)), set("n", "v", 0)));
        assertThat(store.ttl(key("h", "t")).ttl_seconds).isEqualTo(40);
        assertThat(store.ttl(key("h", "n")).ttl_seconds).isEqualTo(-1);
    }

    @Test
    void aFailingCheckAppliesNothing() {
        put("h", "c", "stop");
        put("h", "keep", "x");
        check_and_mutate_response r =
                cam(cas_check_type.CT_VALUE_BYTES_EQUAL, "go", List.of(set("a", "1", 0), del("keep")));
        assertThat(r.error).isEqualTo(RocksStatus.TRY_AGAIN);
        assertThat(str(r.check_value)).isEqualTo("stop");
        assertThat(get("h", "a")).isNull();
        assertThat(get("h", "keep")).isEqualTo("x");
    }

    @Test
    void anIntCheckOnANonIntegerIsInvalid() {
        put("h", "c", "abc");
        check_and_mutate_response r = cam(cas_check_type.CT_VALUE_INT_LESS, "5", List.of(set("a", "1", 0)));
        assertThat(r.error).isEqualTo(RocksStatus.INVALID_ARGUMENT);
        assertThat(get("h", "a")).isNull();
    }

    @Test
    void anEmptyOrMissingMutationListIsInvalid() {
        assertThat(cam(cas_check_type.CT_NO_CHECK, "", new ArrayList<>()).error)
                .isEqualTo(RocksStatus.INVALID_ARGUMENT);
        assertThat(cam(cas_check_type.CT_NO_CHECK, "", null).error).isEqualTo(RocksStatus.INVALID_ARGUMENT);
    }

    @Test
    void aBadOperationIsInvalidAndNothingApplies() {
        mutate bad = new mutate(null, b("b"), b("2"), 0);
        check_and_mutate_response r = cam(cas_check_type.CT_NO_CHECK, "", List.of(set("a", "1", 0), bad));
        assertThat(r.error).isEqualTo(RocksStatus.INVALID_ARGUMENT);
        assertThat(get("h", "a")).isNull();
        assertThat(get("h", "b")).isNull();
    }

    @Test
    void anUnknownCheckTypeIsInvalid() {
        assertThat(cam(null, "", List.of(set("a", "1", 0))).error).isEqualTo(RocksStatus.INVALID_ARGUMENT);
        assertThat(get("h", "a")).isNull();
    }

    @Test
    void theCheckKeyCanBeMutatedToo() {
        put("h", "c", "1");
        check_and_mutate_response r =
                cam(cas_check_type.CT_VALUE_INT_EQUAL, "1", List.of(set("c", "2", 0), set("other", "x", 0)));
        assertThat(r.error).isZero();
        assertThat(str(r.check_value)).isEqualTo("1");
        assertThat(get("h", "c")).isEqualTo("2");
    }
}
