package io.enif.test.chaos;

/**
 * The time constants of a fault plan, in milliseconds of the run.
 *
 * @param firstMs when the first fault may start (the workload warms up before)
 * @param gapMinMs least time between the starts of two faults
 * @param gapMaxMs most time between the starts of two faults
 * @param killDownMinMs least time a killed server stays down before it is started again
 * @param killDownMaxMs most time a killed server stays down
 * @param pauseMinMs least time a server stays stopped (SIGSTOP) before SIGCONT
 * @param pauseMaxMs most time a server stays stopped; above the failure detector's grace period it is declared dead
 * @param restartDownMinMs least time between a clean stop and the start again
 * @param restartDownMaxMs most time between a clean stop and the start again
 * @param recoveryMs after a server of a role is healed, how long before another server of that role may go down
 */
public record FaultTiming(
        long firstMs,
        long gapMinMs,
        long gapMaxMs,
        long killDownMinMs,
        long killDownMaxMs,
        long pauseMinMs,
        long pauseMaxMs,
        long restartDownMinMs,
        long restartDownMaxMs,
        long recoveryMs) {

    public FaultTiming {
        if (firstMs < 0 || gapMinMs <= 0 || gapMaxMs < gapMinMs) {
            throw new IllegalArgumentException("bad fault gaps: first " + firstMs + ", " + gapMinMs + ".." + gapMaxMs);
        }
        if (killDownMinMs <= 0 || killDownMaxMs < killDownMinMs) {
            throw new IllegalArgumentException("bad kill down time " + killDownMinMs + ".." + killDownMaxMs);
        }
        if (pauseMinMs <= 0 || pauseMaxMs < pauseMinMs) {
            throw new IllegalArgumentException("bad pause time " + pauseMinMs + ".." + pauseMaxMs);
        }
        if (restartDownMinMs < 0 || restartDownMaxMs < restartDownMinMs) {
            throw new IllegalArgumentException("bad restart down time " + restartDownMinMs + ".." + restartDownMaxMs);
        }
        if (recoveryMs <= 0) {
            throw new IllegalArgumentException("recovery time must be positive, not " + recoveryMs);
        }
    }

    /**
     * The timing for the onebox with test-profile timers (beacon 1 s, lease 6 s, grace 8 s): a fault every 4 to 9 s;
     * killed servers down 1 to 6 s; pauses of 1 to 10 s, so some outlast the lease and the grace period; restarts
     * down 0.5 to 2 s; 3 s of recovery after each heal.
     */
    public static FaultTiming testProfile() {
        return new FaultTiming(5_000, 4_000, 9_000, 1_000, 6_000, 1_000, 10_000, 500, 2_000, 3_000);
    }
}
