package io.enif.test.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.client.CheckAndMutateOptions;
import io.enif.client.CheckAndMutateResult;
import io.enif.client.CheckAndSetOptions;
import io.enif.client.CheckAndSetResult;
import io.enif.client.CheckType;
import io.enif.client.CompareExchangeResult;
import io.enif.client.DelRangeOptions;
import io.enif.client.EnifInvalidArgumentException;
import io.enif.client.FilterType;
import io.enif.client.MultiGetOptions;
import io.enif.client.MultiGetResult;
import io.enif.client.MultiGetSortKeysResult;
import io.enif.client.Mutations;
import io.enif.client.SortKeyValue;
import io.enif.test.minicluster.MiniMetaCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every single-key, hash-key and conditional operation of {@code EnifTable} in its sync form, on real servers. */
@Timeout(180)
class SyncTableOpsTest extends ClientClusterBase {

    @Test
    void setGetDelExist() {
        byte[] hk = b("sync-basic");
        table.set(hk, b("s"), b("v"), TIMEOUT_MS);
        assertThat(s(table.get(hk, b("s"), TIMEOUT_MS))).isEqualTo("v");
        assertThat(table.exist(hk, b("s"), TIMEOUT_MS)).isTrue();
        assertThat(table.get(hk, b("absent"), TIMEOUT_MS)).isNull();
        assertThat(table.exist(hk, b("absent"), TIMEOUT_MS)).isFalse();

        table.set(hk, b("s"), b("v2"), TIMEOUT_MS);
        assertThat(s(table.get(hk, b("s"), TIMEOUT_MS))).isEqualTo("v2");

        table.del(hk, b("s"), TIMEOUT_MS);
        assertThat(table.get(hk, b("s"), TIMEOUT_MS)).isNull();
        table.del(hk, b("s"), TIMEOUT_MS); // deleting an absent record succeeds

        // An empty hash key is placed by the sort key; an empty value is a value.
        table.set(new byte[0], b("by-sort-key"), new byte[0], TIMEOUT_MS);
        assertThat(table.get(new byte[0], b("by-sort-key"), TIMEOUT_MS)).isEmpty();
    }

    @Test
    void ttlAndExpiry() {
        byte[] hk = b("sync-ttl");
        table.set(hk, b("forever"), b("v"), TIMEOUT_MS);
        table.set(hk, b("ttl"), b("v"), 100, TIMEOUT_MS);
        assertThat(table.ttl(hk, b("forever"), TIMEOUT_MS)).isEqualTo(-1);
        assertThat(table.ttl(hk, b("ttl"), TIMEOUT_MS)).isBetween(90, 100);
        assertThat(table.ttl(hk, b("absent"), TIMEOUT_MS)).isEqualTo(-2);

        table.set(hk, b("short"), b("v"), 1, TIMEOUT_MS);
        assertThat(MiniMetaCluster.await(WAIT, () -> table.get(hk, b("short"), TIMEOUT_MS) == null))
                .as("expired")
                .isTrue();
        assertThat(table.exist(hk, b("short"), TIMEOUT_MS)).isFalse();
        assertThat(table.ttl(hk, b("short"), TIMEOUT_MS)).isEqualTo(-2);
    }

    @Test
    void incrCountsAndRefusesNonNumbers() {
        byte[] hk = b("sync-incr");
        assertThat(table.incr(hk, b("n"), 5, TIMEOUT_MS)).isEqualTo(5);
        assertThat(table.incr(hk, b("n"), -7, TIMEOUT_MS)).isEqualTo(-2);
        assertThat(table.incr(hk, b("n"), 0, TIMEOUT_MS)).isEqualTo(-2);
        assertThat(s(table.get(hk, b("n"), TIMEOUT_MS))).isEqualTo("-2");

        assertThat(table.incr(hk, b("t"), 1, 50, TIMEOUT_MS)).isEqualTo(1);
        assertThat(table.ttl(hk, b("t"), TIMEOUT_MS)).isBetween(40, 50);
        assertThat(table.incr(hk, b("t"), 1, -1, TIMEOUT_MS)).isEqualTo(2);
        assertThat(table.ttl(hk, b("t"), TIMEOUT_MS)).as("ttl -1 removes it").isEqualTo(-1);

        table.set(hk, b("text"), b("abc"), TIMEOUT_MS);
        assertThatThrownBy(() -> table.incr(hk, b("text"), 1, TIMEOUT_MS))
                .isInstanceOf(EnifInvalidArgumentException.class);
        assertThat(s(table.get(hk, b("text"), TIMEOUT_MS))).isEqualTo("abc");
    }

    @Test
    void multiSetMultiGetBothFormsAndSortKeys() {
        byte[] hk = b("sync-multi");
        table.multiSet(hk, values("k", 10), 0, TIMEOUT_MS);

        MultiGetResult some = table.multiGet(hk, List.of(b("k1"), b("k3"), b("absent")), TIMEOUT_MS);
        assertThat(some.allFetched()).isTrue();
        assertThat(keys(some)).containsExactly("k1", "k3");
        assertThat(s(some.values().get(1).value())).isEqualTo("v3");

        MultiGetResult all = table.multiGet(hk, null, TIMEOUT_MS);
        assertThat(keys(all)).hasSize(10).startsWith("k0", "k1");
        MultiGetResult limited = table.multiGet(hk, null, 3, 0, TIMEOUT_MS);
        assertThat(keys(limited)).containsExactly("k0", "k1", "k2");
        assertThat(limited.allFetched()).isFalse();

        MultiGetResult range =
                table.multiGet(hk, b("k2"), b("k5"), MultiGetOptions.defaults(), 100, 1_000_000, TIMEOUT_MS);
        assertThat(keys(range)).containsExactly("k2", "k3", "k4");
        MultiGetResult reverse = table.multiGet(
                hk,
                b("k2"),
                b("k5"),
                MultiGetOptions.defaults().withStopInclusive(true).withReverse(true),
                2,
                0,
                TIMEOUT_MS);
        assertThat(keys(reverse))
                .as("reverse keeps the last rows, returned in ascending order as Pegasus does")
                .containsExactly("k4", "k5");
        assertThat(reverse.allFetched()).isFalse();
        MultiGetResult filtered = table.multiGet(
                hk,
                null,
                null,
                MultiGetOptions.defaults()
                        .withSortKeyFilter(FilterType.MATCH_POSTFIX, b("7"))
                        .withNoValue(true),
                100,
                0,
                TIMEOUT_MS);
        assertThat(keys(filtered)).containsExactly("k7");
        assertThat(filtered.values().get(0).value()).isEmpty();

        MultiGetSortKeysResult sortKeys = table.multiGetSortKeys(hk, 100, 0, TIMEOUT_MS);
        assertThat(sortKeys.allFetched()).isTrue();
        assertThat(sortKeys.sortKeys()).hasSize(10);
        assertThat(table.multiGetSortKeys(hk, 4, 0, TIMEOUT_MS).sortKeys()).hasSize(4);
        assertThat(table.sortKeyCount(hk, TIMEOUT_MS)).isEqualTo(10);

        table.multiSet(b("sync-multi-ttl"), values("t", 2), 30, TIMEOUT_MS);
        assertThat(table.ttl(b("sync-multi-ttl"), b("t1"), TIMEOUT_MS)).isBetween(20, 30);
    }

    @Test
    void multiDelAndDelRange() {
        byte[] hk = b("sync-del");
        table.multiSet(hk, values("k", 10), 0, TIMEOUT_MS);
        table.multiDel(hk, List.of(b("k0"), b("k9"), b("absent")), TIMEOUT_MS);
        assertThat(table.sortKeyCount(hk, TIMEOUT_MS)).isEqualTo(8);

        table.delRange(hk, b("k1"), b("k4"), new DelRangeOptions(), TIMEOUT_MS);
        assertThat(keys(table.multiGet(hk, null, TIMEOUT_MS))).containsExactly("k4", "k5", "k6", "k7", "k8");

        table.delRange(
                hk, b("k5"), b("k7"), new DelRangeOptions().stopInclusive(true).startInclusive(false), TIMEOUT_MS);
        assertThat(keys(table.multiGet(hk, null, TIMEOUT_MS))).containsExactly("k4", "k5", "k8");

        table.delRange(
                hk, null, null, new DelRangeOptions().sortKeyFilter(FilterType.MATCH_PREFIX, b("k8")), TIMEOUT_MS);
        assertThat(keys(table.multiGet(hk, null, TIMEOUT_MS))).containsExactly("k4", "k5");
    }

    @Test
    void checkAndSet() {
        byte[] hk = b("sync-cas");
        CheckAndSetOptions withValue = new CheckAndSetOptions(0, true);
        CheckAndSetResult first =
                table.checkAndSet(hk, b("c"), CheckType.VALUE_NOT_EXIST, null, b("c"), b("1"), withValue, TIMEOUT_MS);
        assertThat(first.setSucceed()).isTrue();
        assertThat(first.checkValueReturned()).isTrue();
        assertThat(first.checkValueExist()).isFalse();

        CheckAndSetResult second =
                table.checkAndSet(hk, b("c"), CheckType.VALUE_NOT_EXIST, null, b("c"), b("2"), withValue, TIMEOUT_MS);
        assertThat(second.setSucceed()).isFalse();
        assertThat(second.checkValueExist()).isTrue();
        assertThat(s(second.checkValue())).isEqualTo("1");
        assertThat(s(table.get(hk, b("c"), TIMEOUT_MS))).isEqualTo("1");

        CheckAndSetResult other = table.checkAndSet(
                hk,
                b("c"),
                CheckType.VALUE_INT_LESS,
                b("5"),
                b("other"),
                b("x"),
                new CheckAndSetOptions(40, false),
                TIMEOUT_MS);
        assertThat(other.setSucceed()).isTrue();
        assertThat(other.checkValueReturned()).isFalse();
        assertThat(s(table.get(hk, b("other"), TIMEOUT_MS))).isEqualTo("x");
        assertThat(table.ttl(hk, b("other"), TIMEOUT_MS)).isBetween(30, 40);

        assertThatThrownBy(() -> table.checkAndSet(
                        hk, b("c"), CheckType.VALUE_INT_LESS, b("not-a-number"), b("c"), b("3"), withValue, TIMEOUT_MS))
                .isInstanceOf(EnifInvalidArgumentException.class);
    }

    @Test
    void checkAndMutate() {
        byte[] hk = b("sync-cam");
        table.set(hk, b("c"), b("3"), TIMEOUT_MS);
        Mutations mutations =
                new Mutations().set(b("m1"), b("a")).set(b("m2"), b("b"), 60).del(b("c"));
        CheckAndMutateResult done = table.checkAndMutate(
                hk,
                b("c"),
                CheckType.VALUE_BYTES_EQUAL,
                b("3"),
                mutations,
                new CheckAndMutateOptions(true),
                TIMEOUT_MS);
        assertThat(done.mutateSucceed()).isTrue();
        assertThat(done.checkValueReturned()).isTrue();
        assertThat(s(done.checkValue())).isEqualTo("3");
        assertThat(table.exist(hk, b("c"), TIMEOUT_MS)).isFalse();
        assertThat(s(table.get(hk, b("m1"), TIMEOUT_MS))).isEqualTo("a");
        assertThat(table.ttl(hk, b("m2"), TIMEOUT_MS)).isBetween(50, 60);

        CheckAndMutateResult refused = table.checkAndMutate(
                hk,
                b("m1"),
                CheckType.VALUE_MATCH_PREFIX,
                b("z"),
                new Mutations().del(b("m1")),
                new CheckAndMutateOptions(true),
                TIMEOUT_MS);
        assertThat(refused.mutateSucceed()).isFalse();
        assertThat(s(refused.checkValue())).isEqualTo("a");
        assertThat(table.exist(hk, b("m1"), TIMEOUT_MS)).isTrue();
    }

    @Test
    void compareExchange() {
        byte[] hk = b("sync-cx");
        CompareExchangeResult absent = table.compareExchange(hk, b("x"), b("old"), b("new"), 0, TIMEOUT_MS);
        assertThat(absent.setSucceed()).isFalse();
        assertThat(absent.actualValue()).isNull();
        assertThat(table.exist(hk, b("x"), TIMEOUT_MS)).isFalse();

        table.set(hk, b("x"), b("old"), TIMEOUT_MS);
        CompareExchangeResult swapped = table.compareExchange(hk, b("x"), b("old"), b("new"), 0, TIMEOUT_MS);
        assertThat(swapped.setSucceed()).isTrue();
        CompareExchangeResult stale = table.compareExchange(hk, b("x"), b("old"), b("newer"), 0, TIMEOUT_MS);
        assertThat(stale.setSucceed()).isFalse();
        assertThat(s(stale.actualValue())).isEqualTo("new");
        assertThat(s(table.get(hk, b("x"), TIMEOUT_MS))).isEqualTo("new");
    }

    static List<SortKeyValue> values(String prefix, int count) {
        List<SortKeyValue> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(new SortKeyValue(b(prefix + i), b("v" + i)));
        }
        return values;
    }

    static List<String> keys(MultiGetResult result) {
        return result.values().stream().map(kv -> s(kv.sortKey())).toList();
    }
}
