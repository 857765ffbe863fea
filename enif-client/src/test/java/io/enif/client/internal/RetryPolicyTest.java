package io.enif.client.internal;

import static io.enif.client.internal.RetryPolicy.Decision.FAIL;
import static io.enif.client.internal.RetryPolicy.Decision.REFRESH_ROUTE_AND_RETRY;
import static io.enif.client.internal.RetryPolicy.Decision.RETRY;
import static io.enif.client.internal.RetryPolicy.Decision.UNKNOWN_OUTCOME;
import static org.assertj.core.api.Assertions.assertThat;

import io.enif.client.ClientConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(ClientConfig.RetryKind.DEFAULT, Duration.ofMillis(10));

    @Test
    void notThePrimaryRefreshesTheRouteForEveryOp() {
        for (String error :
                new String[] {"ERR_OBJECT_NOT_FOUND", "ERR_INVALID_STATE", "ERR_PARENT_PARTITION_MISUSED"}) {
            assertThat(policy.decide(error, true, false)).isEqualTo(REFRESH_ROUTE_AND_RETRY);
            assertThat(policy.decide(error, false, false)).isEqualTo(REFRESH_ROUTE_AND_RETRY);
        }
    }

    @Test
    void refusalsBeforeApplyingAreRetriedForEveryOp() {
        for (String error : new String[] {"ERR_NOT_ENOUGH_MEMBER", "ERR_CAPACITY_EXCEEDED", "ERR_SPLITTING"}) {
            assertThat(policy.decide(error, true, false)).isEqualTo(RETRY);
            assertThat(policy.decide(error, false, false)).isEqualTo(RETRY);
        }
    }

    @Test
    void timeoutsAndLostConnectionsAreUnknownForNonIdempotentOps() {
        assertThat(policy.decide("ERR_TIMEOUT", true, false)).isEqualTo(RETRY);
        assertThat(policy.decide("ERR_TIMEOUT", false, false)).isEqualTo(UNKNOWN_OUTCOME);
        assertThat(policy.decide("ERR_SESSION_RESET", true, false)).isEqualTo(REFRESH_ROUTE_AND_RETRY);
        assertThat(policy.decide("ERR_SESSION_RESET", false, false)).isEqualTo(UNKNOWN_OUTCOME);
        assertThat(policy.decide("ERR_SESSION_RESET", false, true)).isEqualTo(REFRESH_ROUTE_AND_RETRY);
    }

    @Test
    void everythingElseFailsAtOnce() {
        for (String error : new String[] {"ERR_BUSY", "ERR_INVALID_DATA", "ERR_ACL_DENY", "ERR_HANDLER_NOT_FOUND"}) {
            assertThat(policy.decide(error, true, false)).isEqualTo(FAIL);
            assertThat(policy.decide(error, false, false)).isEqualTo(FAIL);
        }
    }

    @Test
    void delays() {
        assertThat(policy.delayMillis(1)).isEqualTo(10);
        assertThat(policy.delayMillis(7)).isEqualTo(10);
        RetryPolicy exponential = new RetryPolicy(ClientConfig.RetryKind.EXPONENTIAL, Duration.ofMillis(20));
        assertThat(exponential.delayMillis(1)).isEqualTo(20);
        assertThat(exponential.delayMillis(2)).isEqualTo(40);
        assertThat(exponential.delayMillis(4)).isEqualTo(160);
        assertThat(exponential.delayMillis(30)).isEqualTo(1000);
    }
}
