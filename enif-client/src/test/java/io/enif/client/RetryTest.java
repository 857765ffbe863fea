package io.enif.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.client.fake.FakeReplica;
import io.enif.client.fake.Fault;
import io.enif.common.error.ErrorCode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The retry rules: idempotent operations retry the retriable errors until their deadline; incr, checkAndSet and
 * checkAndMutate retry only errors that prove they were not applied, and report an unknown outcome otherwise.
 */
@Timeout(60)
class RetryTest extends ClientTestBase {
    private static final String GET = "RPC_RRDB_RRDB_GET";
    private static final String INCR = "RPC_RRDB_RRDB_INCR";
    private static final String CAS = "RPC_RRDB_RRDB_CHECK_AND_SET";
    private static final String CAM = "RPC_RRDB_RRDB_CHECK_AND_MUTATE";

    /** The replica serving the hash key's partition. */
    private FakeReplica primaryOf(String hashKey) {
        int partition = io.enif.client.ops.Target.ofHashKey(b(hashKey)).partitionIndex(8);
        return cluster.replica(cluster.table("temp").primaryOf(partition));
    }

    @Test
    void idempotentOperationsRetryUntilTheDeadline() {
        FakeReplica primary = primaryOf("r1");
        primary.faults().always(GET, Fault.error(ErrorCode.ERR_NOT_ENOUGH_MEMBER));
        long start = System.nanoTime();

        assertThatThrownBy(() -> table.get(b("r1"), b("s"), 300))
                .isInstanceOf(EnifTimeoutException.class)
                .hasMessageContaining("get on table temp timed out after 300 ms")
                .hasMessageContaining("ERR_NOT_ENOUGH_MEMBER")
                .satisfies(
                        e -> assertThat(((EnifClientException) e).errorName()).hasValue("ERR_TIMEOUT"));

        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(elapsedMillis).isBetween(250L, 2000L);
        assertThat(primary.faults().count(GET)).isGreaterThan(3);
    }

    @Test
    void aTransientRefusalIsRetriedAndSucceeds() {
        table.set(b("r2"), b("s"), b("v"), TIMEOUT);
        FakeReplica primary = primaryOf("r2");
        primary.faults().next(GET, Fault.error(ErrorCode.ERR_NOT_ENOUGH_MEMBER), Fault.error(ErrorCode.ERR_SPLITTING));

        assertThat(s(table.get(b("r2"), b("s"), TIMEOUT))).isEqualTo("v");
        assertThat(primary.faults().count(GET)).isEqualTo(3);
    }

    @Test
    void otherErrorsFailAtOnceWithTheirName() {
        FakeReplica primary = primaryOf("r3");
        primary.faults().always(GET, Fault.error(ErrorCode.ERR_BUSY));

        assertThatThrownBy(() -> table.get(b("r3"), b("s"), TIMEOUT))
                .isInstanceOf(EnifServerException.class)
                .hasMessageContaining("ERR_BUSY")
                .hasMessageContaining("throttling")
                .satisfies(
                        e -> assertThat(((EnifClientException) e).errorName()).hasValue("ERR_BUSY"));
        assertThat(primary.faults().count(GET)).isEqualTo(1);
    }

    @Test
    void aReadWithNoReplyTimesOut() {
        primaryOf("r4").faults().always(GET, Fault.drop());

        assertThatThrownBy(() -> table.get(b("r4"), b("s"), 200))
                .isInstanceOf(EnifTimeoutException.class)
                .hasMessageContaining("no reply in time");
    }

    @Test
    void anIncrWithNoReplyHasAnUnknownOutcomeAndIsNotRetried() {
        FakeReplica primary = primaryOf("r5");
        primary.faults().next(INCR, Fault.drop());

        assertThatThrownBy(() -> table.incr(b("r5"), b("n"), 1, 300))
                .isInstanceOf(EnifUnknownOutcomeException.class)
                .hasMessageContaining("incr on table temp may or may not have been applied")
                .satisfies(
                        e -> assertThat(((EnifClientException) e).errorName()).hasValue("ERR_TIMEOUT"));
        assertThat(primary.faults().count(INCR)).isEqualTo(1);
    }

    @Test
    void anIncrAppliedButUnansweredIsNotAppliedTwice() {
        FakeReplica primary = primaryOf("r6");
        primary.faults().next(INCR, Fault.serveThenDrop());

        assertThatThrownBy(() -> table.incr(b("r6"), b("n"), 1, 300)).isInstanceOf(EnifUnknownOutcomeException.class);

        assertThat(s(table.get(b("r6"), b("n"), TIMEOUT))).isEqualTo("1");
    }

    @Test
    void anIncrRefusedAsNotPrimaryIsRetriedOnceAndSucceeds() {
        FakeReplica primary = primaryOf("r7");
        primary.faults().next(INCR, Fault.error(ErrorCode.ERR_INVALID_STATE));

        assertThat(table.incr(b("r7"), b("n"), 1, TIMEOUT)).isEqualTo(1);
        assertThat(primary.faults().count(INCR)).isEqualTo(2);
        assertThat(s(table.get(b("r7"), b("n"), TIMEOUT))).isEqualTo("1");
    }

    @Test
    void conditionalWritesRetryOnlyProvenRefusals() {
        FakeReplica primary = primaryOf("r8");
        primary.faults().next(CAS, Fault.error(ErrorCode.ERR_NOT_ENOUGH_MEMBER));
        primary.faults().next(CAM, Fault.drop());

        assertThat(table.checkAndSet(b("r8"), b("k"), CheckType.NO_CHECK, null, b("k"), b("v"), null, TIMEOUT)
                        .setSucceed())
                .isTrue();
        assertThat(primary.faults().count(CAS)).isEqualTo(2);
        assertThatThrownBy(() -> table.checkAndMutate(
                        b("r8"), b("k"), CheckType.NO_CHECK, null, new Mutations().del(b("k")), null, 300))
                .isInstanceOf(EnifUnknownOutcomeException.class);
        assertThat(primary.faults().count(CAM)).isEqualTo(1);
    }

    @Test
    void aNonIdempotentOpRefusedUntilTheDeadlineTimesOutAsNotApplied() {
        FakeReplica primary = primaryOf("r9");
        primary.faults().always(INCR, Fault.error(ErrorCode.ERR_NOT_ENOUGH_MEMBER));

        assertThatThrownBy(() -> table.incr(b("r9"), b("n"), 1, 200))
                .isInstanceOf(EnifTimeoutException.class)
                .isNotInstanceOf(EnifUnknownOutcomeException.class);
        assertThat(table.get(b("r9"), b("n"), TIMEOUT)).isNull();
    }
}
