package io.enif.test.sim;

import java.util.List;

/**
 * The outcome of one seed.
 *
 * @param seed the seed
 * @param failures what went wrong (an invariant, the history checkers, convergence, the profile's minimums); empty
 *     when the seed passed
 * @param profile what the seed did
 * @param digest a digest of the recorded history: the same seed always gives the same digest
 * @param operations how many client attempts the history holds
 * @param wallMs how long the seed took on this machine
 */
public record SimResult(
        long seed, List<String> failures, SimProfile profile, long digest, int operations, long wallMs) {

    public SimResult {
        failures = List.copyOf(failures);
    }

    /** Whether the seed passed. */
    public boolean ok() {
        return failures.isEmpty();
    }

    /** The command that replays this seed. */
    public String replayCommand() {
        return "./enif sim --seed " + seed;
    }
}
