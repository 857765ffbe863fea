package io.enif.test.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.client.EnifInvalidArgumentException;
import io.enif.client.EnifServerException;
import io.enif.client.EnifTimeoutException;
import io.enif.client.EnifUnknownOutcomeException;
import io.enif.test.history.Op;
import io.enif.test.history.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class OutcomeMappingTest {
    private static final Op PUT = new Op.Put("a", "v");
    private static final Op INCR = new Op.Incr("n", 1);
    private static final Op MULTI = new Op.MultiPut(Map.of("a", "v", "b", "v"));
    private static final Op GET = new Op.Get("a");

    @Test
    void aWriteThatTimedOutOrLostItsConnectionMayHaveHappened() {
        assertThat(OutcomeMapping.ofFailure(PUT, new EnifTimeoutException("deadline", null)))
                .isEqualTo(Outcome.UNKNOWN);
        assertThat(OutcomeMapping.ofFailure(INCR, new EnifUnknownOutcomeException("ERR_SESSION_RESET", "lost", null)))
                .isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void aRefusalAfterRetriesIsStillUnknownBecauseAnEarlierAttemptMayHaveLanded() {
        assertThat(OutcomeMapping.ofFailure(MULTI, new EnifServerException("ERR_NOT_ENOUGH_MEMBER", "refused")))
                .isEqualTo(Outcome.UNKNOWN);
        assertThat(OutcomeMapping.ofFailure(PUT, new IllegalStateException("anything else")))
                .isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void onlyAWriteRefusedBeforeSendingProvablyFailed() {
        assertThat(OutcomeMapping.ofFailure(PUT, new EnifInvalidArgumentException("value too big")))
                .isEqualTo(Outcome.FAILED);
        assertThat(OutcomeMapping.ofFailure(GET, new EnifInvalidArgumentException("bad key")))
                .isEqualTo(Outcome.UNKNOWN);
        assertThat(OutcomeMapping.ofFailure(GET, new EnifTimeoutException("deadline", null)))
                .isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void errorNamesComeFromTheClientException() {
        assertThat(OutcomeMapping.errorName(new EnifTimeoutException("deadline", null)))
                .isEqualTo("ERR_TIMEOUT");
        assertThat(OutcomeMapping.errorName(new EnifServerException("ERR_BUSY", "throttled")))
                .isEqualTo("ERR_BUSY");
        assertThat(OutcomeMapping.errorName(new IllegalStateException("x"))).isEqualTo("IllegalStateException");
    }
}
