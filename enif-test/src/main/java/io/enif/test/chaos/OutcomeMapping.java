package io.enif.test.chaos;

import io.enif.client.EnifClientException;
import io.enif.client.EnifInvalidArgumentException;
import io.enif.test.history.Op;
import io.enif.test.history.Outcome;

/**
 * How a client call's failure enters the history. The rule is "when in doubt, unknown": the client retries inside the
 * call's deadline, so even an error it finally reports (a refusal such as {@code ERR_NOT_ENOUGH_MEMBER}, a timeout)
 * may follow an earlier attempt that reached a primary and was applied. Only a call refused before it was sent (a bad
 * argument) provably changed nothing. A failed read is unknown too; the checker leaves unknown reads out.
 */
public final class OutcomeMapping {
    private OutcomeMapping() {}

    /** The outcome of {@code op} whose call threw {@code failure}. */
    public static Outcome ofFailure(Op op, Throwable failure) {
        if (op.isWrite() && failure instanceof EnifInvalidArgumentException) {
            return Outcome.FAILED;
        }
        return Outcome.UNKNOWN;
    }

    /** The Pegasus error name behind a failure for the report ({@code ERR_TIMEOUT}, ...), or its class name. */
    public static String errorName(Throwable failure) {
        if (failure instanceof EnifClientException e && e.errorName().isPresent()) {
            return e.errorName().get();
        }
        return failure.getClass().getSimpleName();
    }
}
