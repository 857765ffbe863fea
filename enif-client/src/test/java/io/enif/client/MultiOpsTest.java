package io.enif.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** multiGet (both forms), multiGetSortKeys, multiSet, multiDel, delRange and sortKeyCount over the wire. */
@Timeout(60)
class MultiOpsTest extends ClientTestBase {

    private void fill(String hashKey, String... sortKeys) {
        List<SortKeyValue> values = new ArrayList<>();
        for (String sortKey : sortKeys) {
            values.add(new SortKeyValue(b(sortKey), b("v-" + sortKey)));
        }
        table.multiSet(b(hashKey), values, 0, TIMEOUT);
    }

    private static List<String> sortKeys(MultiGetResult result) {
        return result.values().stream().map(v -> s(v.sortKey())).toList();
    }

    @Test
    void multiSetThenMultiGetByKeysLeavesAbsentKeysOut() {
        fill("m1", "a", "b", "c");

        MultiGetResult some = table.multiGet(b("m1"), List.of(b("a"), b("c"), b("zz")), TIMEOUT);
        assertThat(some.allFetched()).isTrue();
        assertThat(sortKeys(some)).containsExactly("a", "c");
        assertThat(s(some.values().get(1).value())).isEqualTo("v-c");

        MultiGetResult all = table.multiGet(b("m1"), List.of(), TIMEOUT);
        assertThat(sortKeys(all)).containsExactly("a", "b", "c");
    }

    @Test
    void multiGetLimitsClearAllFetched() {
        fill("m2", "a", "b", "c", "d");

        MultiGetResult limited = table.multiGet(b("m2"), null, 2, 0, TIMEOUT);

        assertThat(limited.allFetched()).isFalse();
        assertThat(sortKeys(limited)).containsExactly("a", "b");
    }

    @Test
    void multiGetRangeHonoursBoundsFiltersReverseAndNoValue() {
        fill("m3", "a1", "a2", "b1", "b2", "c1");
        MultiGetOptions defaults = MultiGetOptions.defaults();

        assertThat(sortKeys(table.multiGet(b("m3"), b("a2"), b("b2"), defaults, 0, 0, TIMEOUT)))
                .containsExactly("a2", "b1");
        assertThat(sortKeys(table.multiGet(
                        b("m3"),
                        b("a2"),
                        b("b2"),
                        defaults.withStartInclusive(false).withStopInclusive(true),
                        0,
                        0,
                        TIMEOUT)))
                .containsExactly("b1", "b2");
        assertThat(sortKeys(table.multiGet(
                        b("m3"),
                        null,
                        null,
                        defaults.withSortKeyFilter(FilterType.MATCH_PREFIX, b("b")),
                        0,
                        0,
                        TIMEOUT)))
                .containsExactly("b1", "b2");
        assertThat(sortKeys(table.multiGet(
                        b("m3"),
                        null,
                        null,
                        defaults.withSortKeyFilter(FilterType.MATCH_POSTFIX, b("1")),
                        0,
                        0,
                        TIMEOUT)))
                .containsExactly("a1", "b1", "c1");

        MultiGetResult lastTwo = table.multiGet(b("m3"), null, null, defaults.withReverse(true), 2, 0, TIMEOUT);
        assertThat(lastTwo.allFetched()).isFalse();
        assertThat(sortKeys(lastTwo)).containsExactly("b2", "c1");

        MultiGetResult keysOnly = table.multiGet(b("m3"), b("c"), null, defaults.withNoValue(true), 0, 0, TIMEOUT);
        assertThat(sortKeys(keysOnly)).containsExactly("c1");
        assertThat(keysOnly.values().get(0).value()).isEmpty();

        assertThat(table.multiGet(b("m3"), b("z"), b("a"), defaults, 0, 0, TIMEOUT)
                        .values())
                .isEmpty();
    }

    @Test
    void multiGetSortKeysAndSortKeyCount() {
        fill("m4", "x", "y", "z");

        MultiGetSortKeysResult keys = table.multiGetSortKeys(b("m4"), 0, 0, TIMEOUT);
        assertThat(keys.allFetched()).isTrue();
        assertThat(keys.sortKeys()).extracting(ClientTestBase::s).containsExactly("x", "y", "z");
        assertThat(table.multiGetSortKeys(b("m4"), 1, 0, TIMEOUT).allFetched()).isFalse();
        assertThat(table.sortKeyCount(b("m4"), TIMEOUT)).isEqualTo(3);
        assertThat(table.sortKeyCount(b("m4-empty"), TIMEOUT)).isZero();
    }

    @Test
    void multiSetTtlAppliesToEveryEntry() {
        table.multiSet(
                b("m5"), List.of(new SortKeyValue(b("a"), b("1")), new SortKeyValue(b("b"), b("2"))), 50, TIMEOUT);

        assertThat(table.ttl(b("m5"), b("a"), TIMEOUT)).isBetween(48, 50);
        assertThat(table.ttl(b("m5"), b("b"), TIMEOUT)).isBetween(48, 50);
    }

    @Test
    void multiDelDeletesTheListedKeysOnly() {
        fill("m6", "a", "b", "c");

        table.multiDel(b("m6"), List.of(b("a"), b("c"), b("absent")), TIMEOUT);

        assertThat(sortKeys(table.multiGet(b("m6"), null, TIMEOUT))).containsExactly("b");
    }

    @Test
    void delRangeDeletesInBatchesAndHonoursBoundsAndFilter() {
        List<SortKeyValue> many = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            many.add(new SortKeyValue(b(String.format("k%03d", i)), b("v")));
        }
        table.multiSet(b("m7"), many, 0, TIMEOUT);

        table.delRange(b("m7"), b("k010"), b("k240"), new DelRangeOptions(), TIMEOUT);
        assertThat(table.sortKeyCount(b("m7"), TIMEOUT)).isEqualTo(20);
        assertThat(table.get(b("m7"), b("k009"), TIMEOUT)).isNotNull();
        assertThat(table.get(b("m7"), b("k240"), TIMEOUT)).isNotNull();

        table.delRange(
                b("m7"), null, null, new DelRangeOptions().sortKeyFilter(FilterType.MATCH_POSTFIX, b("5")), TIMEOUT);
        assertThat(table.multiGetSortKeys(b("m7"), 0, 0, TIMEOUT).sortKeys())
                .extracting(ClientTestBase::s)
                .noneMatch(k -> k.endsWith("5"))
                .hasSize(18);

        DelRangeOptions inclusive = new DelRangeOptions().startInclusive(false).stopInclusive(true);
        table.delRange(b("m7"), b("k000"), b("k249"), inclusive, TIMEOUT);
        assertThat(sortKeys(table.multiGet(b("m7"), null, TIMEOUT))).containsExactly("k000");
        assertThat(inclusive.nextSortKey()).isNull();
    }

    @Test
    void asyncMultiForms() throws Exception {
        table.asyncMultiSet(b("m8"), List.of(new SortKeyValue(b("a"), b("1"))), 0, TIMEOUT)
                .get(5, TimeUnit.SECONDS);
        assertThat(table.asyncMultiGet(b("m8"), List.of(b("a")), 0, 0, TIMEOUT)
                        .get(5, TimeUnit.SECONDS)
                        .values())
                .hasSize(1);
        assertThat(table.asyncMultiGet(b("m8"), null, null, null, 0, 0, TIMEOUT)
                        .get(5, TimeUnit.SECONDS)
                        .values())
                .hasSize(1);
        assertThat(table.asyncMultiGetSortKeys(b("m8"), 0, 0, TIMEOUT)
                        .get(5, TimeUnit.SECONDS)
                        .sortKeys())
                .hasSize(1);
        assertThat(table.asyncSortKeyCount(b("m8"), TIMEOUT).get(5, TimeUnit.SECONDS))
                .isEqualTo(1);
        table.asyncMultiDel(b("m8"), List.of(b("a")), TIMEOUT).get(5, TimeUnit.SECONDS);
        table.asyncDelRange(b("m8"), null, null, new DelRangeOptions(), TIMEOUT).get(5, TimeUnit.SECONDS);
        assertThat(table.sortKeyCount(b("m8"), TIMEOUT)).isZero();
    }
}
