package io.enif.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.proto.rrdb.filter_type;
import io.enif.proto.rrdb.key_value;
import io.enif.proto.rrdb.multi_get_request;
import io.enif.proto.rrdb.multi_get_response;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MultiGetTest extends StoreTestBase {

    @BeforeEach
    void fill() {
        for (String sk : List.of("a", "b", "c", "d", "e")) {
            put("h", sk, "v" + sk);
        }
        put("ha", "a", "other-hash-key");
        put("g", "z", "other-hash-key");
        put("i", "", "other-hash-key");
    }

    private multi_get_response mg(Consumer<multi_get_request> setup) {
        multi_get_request r = rangeRequest("h");
        setup.accept(r);
        multi_get_response response = store.multiGet(r);
        assertThat(response.server).isEqualTo(SERVER);
        return response;
    }

    private static Consumer<multi_get_request> range(String start, boolean startIncl, String stop, boolean stopIncl) {
        return r -> {
            r.start_sortkey = b(start);
            r.start_inclusive = startIncl;
            r.stop_sortkey = b(stop);
            r.stop_inclusive = stopIncl;
        };
    }

    @Test
    void anEmptyRangeRequestReturnsTheWholeHashKeyAscending() {
        multi_get_response r = mg(x -> {});
        assertThat(r.error).isZero();
        assertThat(sortKeys(r.kvs)).containsExactly("a", "b", "c", "d", "e");
        assertThat(r.kvs).extracting(kv -> str(kv.value)).containsExactly("va", "vb", "vc", "vd", "ve");
    }

    @Test
    void inclusiveAndExclusiveBounds() {
        assertThat(sortKeys(mg(range("b", true, "d", true)).kvs)).containsExactly("b", "c", "d");
        assertThat(sortKeys(mg(range("b", false, "d", false)).kvs)).containsExactly("c");
        assertThat(sortKeys(mg(range("b", false, "d", true)).kvs)).containsExactly("c", "d");
        assertThat(sortKeys(mg(range("b", true, "d", false)).kvs)).containsExactly("b", "c");
        assertThat(sortKeys(mg(range("bb", true, "cc", true)).kvs)).containsExactly("c");
    }

    @Test
    void anEmptyStopMeansTheEndOfTheHashKeyWhateverStopInclusiveSays() {
        assertThat(sortKeys(mg(range("c", true, "", true)).kvs)).containsExactly("c", "d", "e");
        assertThat(sortKeys(mg(range("c", true, null, false)).kvs)).containsExactly("c", "d", "e");
    }

    @Test
    void emptyAndInvertedRangesSucceedWithNothing() {
        for (multi_get_response r : List.of(
                mg(range("d", true, "b", true)), mg(range("c", false, "c", true)), mg(range("c", true, "c", false)))) {
            assertThat(r.error).isZero();
            assertThat(r.kvs).isEmpty();
        }
        assertThat(sortKeys(mg(range("c", true, "c", true)).kvs)).containsExactly("c");
        multi_get_request none = rangeRequest("nobody");
        assertThat(store.multiGet(none).kvs).isEmpty();
    }

    @Test
    void sortKeyFilters() {
        for (String sk : List.of("apple", "applet", "banana", "pineapple", "grape")) {
            put("f", sk, sk);
        }
        assertThat(filter(filter_type.FT_MATCH_ANYWHERE, "apple")).containsExactly("apple", "applet", "pineapple");
        assertThat(filter(filter_type.FT_MATCH_PREFIX, "apple")).containsExactly("apple", "applet");
        assertThat(filter(filter_type.FT_MATCH_POSTFIX, "ple")).containsExactly("apple", "pineapple");
        assertThat(filter(filter_type.FT_MATCH_POSTFIX, "")).hasSize(5);
        assertThat(filter(filter_type.FT_NO_FILTER, "zzz")).hasSize(5);
    }

    private List<String> filter(filter_type type, String pattern) {
        multi_get_request r = rangeRequest("f");
        r.sort_key_filter_type = type;
        r.sort_key_filter_pattern = b(pattern);
        multi_get_response response = store.multiGet(r);
        assertThat(response.error).isZero();
        return sortKeys(response.kvs);
    }

    @Test
    void aPrefixFilterNarrowsTheRangeSoOtherRecordsAreNotExamined() {
        store.close();
        store = open(
                tempDir.resolve("narrow"),
                options().toBuilder().multiGetMaxIterationCount(3).build());
        decree = 0;
        for (String sk : List.of("a1", "a2", "a3", "a4", "b1", "b2", "c1", "c2", "c3", "c4")) {
            put("h", sk, sk);
        }
        multi_get_request r = rangeRequest("h");
        r.sort_key_filter_type = filter_type.FT_MATCH_PREFIX;
        r.sort_key_filter_pattern = b("b");
        multi_get_response response = store.multiGet(r);
        assertThat(response.error).isZero();
        assertThat(sortKeys(response.kvs)).containsExactly("b1", "b2");

        r.start_sortkey = b("b2");
        assertThat(sortKeys(store.multiGet(r).kvs)).containsExactly("b2");
        r.reverse = true;
        assertThat(sortKeys(store.multiGet(r).kvs)).containsExactly("b2");
    }

    @Test
    void reverseWalksBackwardsButReturnsAscendingAndKeepsTheLastRows() {
        multi_get_response all = mg(r -> r.reverse = true);
        assertThat(all.error).isZero();
        assertThat(sortKeys(all.kvs)).containsExactly("a", "b", "c", "d", "e");

        multi_get_response lastTwo = mg(r -> {
            r.reverse = true;
            r.max_kv_count = 2;
        });
        assertThat(lastTwo.error).isEqualTo(RocksStatus.INCOMPLETE);
        assertThat(sortKeys(lastTwo.kvs)).containsExactly("d", "e");

        multi_get_response bounded = mg(range("b", false, "e", false).andThen(r -> r.reverse = true));
        assertThat(sortKeys(bounded.kvs)).containsExactly("c", "d");
    }

    @Test
    void theCountLimitGivesIncompleteOnlyWhileRecordsRemain() {
        multi_get_response firstTwo = mg(r -> r.max_kv_count = 2);
        assertThat(firstTwo.error).isEqualTo(RocksStatus.INCOMPLETE);
        assertThat(sortKeys(firstTwo.kvs)).containsExactly("a", "b");

        multi_get_response exact = mg(r -> r.max_kv_count = 5);
        assertThat(exact.error).isZero();
        assertThat(exact.kvs).hasSize(5);

        multi_get_response toStop = mg(range("a", true, "c", true).andThen(r -> r.max_kv_count = 3));
        assertThat(toStop.error).isZero();
        assertThat(sortKeys(toStop.kvs)).containsExactly("a", "b", "c");
    }

    @Test
    void theSizeLimitCountsKeysAndValues() {
        // each kv is 1 (key) + 2 (value) = 3 bytes; the limit is checked before each record
        multi_get_response r = mg(x -> x.max_kv_size = 5);
        assertThat(r.error).isEqualTo(RocksStatus.INCOMPLETE);
        assertThat(sortKeys(r.kvs)).containsExactly("a", "b");

        multi_get_response keysOnly = mg(x -> {
            x.max_kv_size = 5;
            x.no_value = true;
        });
        assertThat(sortKeys(keysOnly.kvs)).containsExactly("a", "b", "c", "d", "e");
        assertThat(keysOnly.error).isZero();
    }

    @Test
    void noValueReturnsEmptyButPresentValues() {
        multi_get_response r = mg(x -> x.no_value = true);
        assertThat(r.kvs).hasSize(5).allSatisfy(kv -> {
            assertThat(kv.value).isNotNull();
            assertThat(kv.value.length()).isZero();
        });
    }

    @Test
    void pointLookupsSkipMissingAndExpiredKeysInRequestOrder() {
        put("h", "x", "soon", in(1));
        clock.advanceSeconds(1);
        multi_get_response r = mg(x -> x.sort_keys = List.of(b("d"), b("missing"), b("x"), b("a")));
        assertThat(r.error).isZero();
        assertThat(r.kvs).extracting(kv -> str(kv.key) + "=" + str(kv.value)).containsExactly("d=vd", "a=va");

        multi_get_response keys = mg(x -> {
            x.sort_keys = List.of(b("b"));
            x.no_value = true;
        });
        assertThat(keys.kvs).extracting(kv -> kv.value.length()).containsExactly(0);
    }

    @Test
    void pointLookupsAreIncompleteOnlyWhenAPresentKeyIsLeftOut() {
        multi_get_response cut = mg(x -> {
            x.sort_keys = List.of(b("a"), b("b"), b("c"));
            x.max_kv_count = 2;
        });
        assertThat(cut.error).isEqualTo(RocksStatus.INCOMPLETE);
        assertThat(sortKeys(cut.kvs)).containsExactly("a", "b");

        multi_get_response whole = mg(x -> {
            x.sort_keys = List.of(b("a"), b("b"), b("missing"));
            x.max_kv_count = 2;
        });
        assertThat(whole.error).isZero();

        multi_get_response bySize = mg(x -> {
            x.sort_keys = List.of(b("a"), b("b"), b("c"));
            x.max_kv_size = 3;
        });
        assertThat(bySize.error).isEqualTo(RocksStatus.INCOMPLETE);
        assertThat(sortKeys(bySize.kvs)).containsExactly("a");
    }

    @Test
    void serverDefaultsApplyWhenTheRequestGivesNoLimitAndCapItOtherwise() {
        store.close();
        store = open(
                tempDir.resolve("caps"),
                options().toBuilder()
                        .multiGetMaxIterationCount(3)
                        .multiGetMaxIterationSize(1000)
                        .build());
        decree = 0;
        for (int i = 0; i < 6; i++) {
            put("h", "k" + i, "x".repeat(300));
        }
        multi_get_response byDefault = store.multiGet(rangeRequest("h"));
        assertThat(byDefault.error).isEqualTo(RocksStatus.INCOMPLETE);
        assertThat(byDefault.kvs).hasSize(3);

        multi_get_request asked = rangeRequest("h");
        asked.max_kv_count = 100;
        asked.max_kv_size = 100_000;
        assertThat(store.multiGet(asked).kvs).hasSize(3);

        multi_get_request noValue = rangeRequest("h");
        noValue.no_value = true;
        noValue.max_kv_count = 2;
        assertThat(store.multiGet(noValue).kvs).hasSize(2);
    }

    @Test
    void expiredAndFilteredRecordsCountTowardsTheRecordsExamined() {
        store.close();
        store = open(
                tempDir.resolve("examined"),
                options().toBuilder().multiGetMaxIterationCount(3).build());
        decree = 0;
        put("h", "a", "1", in(1));
        put("h", "b", "2", in(1));
        put("h", "c", "3", in(1));
        put("h", "d", "4");
        clock.advanceSeconds(1);
        multi_get_response r = store.multiGet(rangeRequest("h"));
        assertThat(r.error).isEqualTo(RocksStatus.INCOMPLETE);
        assertThat(r.kvs).isEmpty();

        multi_get_request next = rangeRequest("h");
        next.start_sortkey = b("c");
        next.start_inclusive = false;
        assertThat(sortKeys(store.multiGet(next).kvs)).containsExactly("d");
    }

    @Test
    void runningOutOfTimeIsIncomplete() {
        clock.autoAdvanceNanos(20_000_000_000L);
        multi_get_response r = mg(x -> {});
        assertThat(r.error).isEqualTo(RocksStatus.INCOMPLETE);
        assertThat(r.kvs.size()).isLessThan(5);
    }

    @Test
    void aTooLongHashKeyIsInvalid() {
        multi_get_request r = rangeRequest("x".repeat(0xFFFF));
        assertThat(store.multiGet(r).error).isEqualTo(RocksStatus.INVALID_ARGUMENT);
    }

    @Test
    void keysAreSortKeysOnly() {
        for (key_value kv : mg(x -> {}).kvs) {
            assertThat(kv.key.length()).isEqualTo(1);
        }
    }
}
