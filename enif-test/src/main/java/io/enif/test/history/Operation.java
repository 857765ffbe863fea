package io.enif.test.history;

/**
 * One client operation of a history: who invoked it, on which hash key, when it was invoked and completed (on the
 * history's own clock: any strictly increasing counter or simulated time), how it ended and what it returned.
 *
 * @param id the history's id for it
 * @param client the client (a client runs one operation at a time)
 * @param hashKey the hash key every sort key of {@code op} belongs to
 * @param op what was asked
 * @param invokedAt when the client sent it
 * @param completedAt when the client learned the outcome; {@link Long#MAX_VALUE} when it never did
 * @param outcome how it ended
 * @param result what it returned when {@link Outcome#OK}: the value (or null) of a get, the new value of an incr, whether
 *     a check_and_set set; null otherwise
 */
public record Operation(
        long id, int client, String hashKey, Op op, long invokedAt, long completedAt, Outcome outcome, Object result) {

    /** Whether the operation may have happened after {@code other} completed, i.e. they are not ordered. */
    public boolean isDefinite() {
        return outcome == Outcome.OK;
    }

    @Override
    public String toString() {
        return "#" + id + " c" + client + " " + hashKey + " " + op + " [" + invokedAt + ", "
                + (completedAt == Long.MAX_VALUE ? "∞" : Long.toString(completedAt)) + "] " + outcome
                + (outcome == Outcome.OK ? " -> " + result : "");
    }
}
