package io.enif.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** checkAndSet, checkAndMutate and compareExchange over the wire. */
@Timeout(60)
class ConditionalOpsTest extends ClientTestBase {

    @Test
    void checkAndSetSetsWhenTheCheckPassesAndReportsTheOldValue() {
        CheckAndSetResult first = table.checkAndSet(
                b("c1"),
                b("k"),
                CheckType.VALUE_NOT_EXIST,
                null,
                b("k"),
                b("v1"),
                new CheckAndSetOptions(0, true),
                TIMEOUT);
        assertThat(first.setSucceed()).isTrue();
        assertThat(first.checkValueReturned()).isTrue();
        assertThat(first.checkValueExist()).isFalse();

        CheckAndSetResult second = table.checkAndSet(
                b("c1"),
                b("k"),
                CheckType.VALUE_NOT_EXIST,
                null,
                b("k"),
                b("v2"),
                new CheckAndSetOptions(0, true),
                TIMEOUT);
        assertThat(second.setSucceed()).isFalse();
        assertThat(second.checkValueExist()).isTrue();
        assertThat(s(second.checkValue())).isEqualTo("v1");
        assertThat(s(table.get(b("c1"), b("k"), TIMEOUT))).isEqualTo("v1");
    }

    @Test
    void checkAndSetOnAnotherSortKeyWithTtl() {
        table.set(b("c2"), b("flag"), b("10"), TIMEOUT);

        CheckAndSetResult r = table.checkAndSet(
                b("c2"),
                b("flag"),
                CheckType.VALUE_INT_GREATER,
                b("5"),
                b("target"),
                b("set"),
                new CheckAndSetOptions(30, false),
                TIMEOUT);

        assertThat(r.setSucceed()).isTrue();
        assertThat(r.checkValueReturned()).isFalse();
        assertThat(s(table.get(b("c2"), b("target"), TIMEOUT))).isEqualTo("set");
        assertThat(table.ttl(b("c2"), b("target"), TIMEOUT)).isBetween(28, 30);
    }

    @Test
    void anIntegerCheckOnTextIsAnInvalidArgument() {
        table.set(b("c3"), b("k"), b("text"), TIMEOUT);

        assertThatThrownBy(() -> table.checkAndSet(
                        b("c3"), b("k"), CheckType.VALUE_INT_EQUAL, b("1"), b("k"), b("v"), null, TIMEOUT))
                .isInstanceOf(EnifInvalidArgumentException.class)
                .hasMessageContaining("checkAndSet");
    }

    @Test
    void checkAndMutateAppliesEveryMutationOrNone() {
        table.set(b("c4"), b("old"), b("x"), TIMEOUT);
        Mutations mutations =
                new Mutations().set(b("a"), b("1")).set(b("b"), b("2"), 40).del(b("old"));

        CheckAndMutateResult passed = table.checkAndMutate(
                b("c4"), b("old"), CheckType.VALUE_EXIST, null, mutations, new CheckAndMutateOptions(true), TIMEOUT);
        assertThat(passed.mutateSucceed()).isTrue();
        assertThat(s(passed.checkValue())).isEqualTo("x");
        assertThat(table.multiGetSortKeys(b("c4"), 0, 0, TIMEOUT).sortKeys())
                .extracting(ClientTestBase::s)
                .containsExactly("a", "b");
        assertThat(table.ttl(b("c4"), b("b"), TIMEOUT)).isBetween(38, 40);

        CheckAndMutateResult failed = table.checkAndMutate(
                b("c4"), b("old"), CheckType.VALUE_EXIST, null, new Mutations().del(b("a")), null, TIMEOUT);
        assertThat(failed.mutateSucceed()).isFalse();
        assertThat(failed.checkValueReturned()).isFalse();
        assertThat(table.exist(b("c4"), b("a"), TIMEOUT)).isTrue();
    }

    @Test
    void compareExchangeReplacesOnlyTheExpectedValue() {
        CompareExchangeResult absent = table.compareExchange(b("c5"), b("k"), b("x"), b("y"), 0, TIMEOUT);
        assertThat(absent.setSucceed()).isFalse();
        assertThat(absent.actualValue()).isNull();

        table.set(b("c5"), b("k"), b("x"), TIMEOUT);
        CompareExchangeResult swapped = table.compareExchange(b("c5"), b("k"), b("x"), b("y"), 0, TIMEOUT);
        assertThat(swapped.setSucceed()).isTrue();
        assertThat(swapped.actualValue()).isNull();

        CompareExchangeResult stale = table.compareExchange(b("c5"), b("k"), b("x"), b("z"), 0, TIMEOUT);
        assertThat(stale.setSucceed()).isFalse();
        assertThat(s(stale.actualValue())).isEqualTo("y");
        assertThat(s(table.get(b("c5"), b("k"), TIMEOUT))).isEqualTo("y");
    }

    @Test
    void asyncConditionalForms() throws Exception {
        assertThat(table.asyncCheckAndSet(b("c6"), b("k"), CheckType.NO_CHECK, null, b("k"), b("1"), null, TIMEOUT)
                        .get(5, TimeUnit.SECONDS)
                        .setSucceed())
                .isTrue();
        assertThat(table.asyncCheckAndMutate(
                                b("c6"),
                                b("k"),
                                CheckType.VALUE_BYTES_EQUAL,
                                b("1"),
                                new Mutations().set(b("k2"), b("2")),
                                null,
                                TIMEOUT)
                        .get(5, TimeUnit.SECONDS)
                        .mutateSucceed())
                .isTrue();
        assertThat(table.asyncCompareExchange(b("c6"), b("k2"), b("2"), b("3"), 0, TIMEOUT)
                        .get(5, TimeUnit.SECONDS)
                        .setSucceed())
                .isTrue();
        assertThat(table.multiGet(b("c6"), List.of(b("k"), b("k2")), TIMEOUT).values())
                .extracting(v -> s(v.value()))
                .containsExactly("1", "3");
    }
}
