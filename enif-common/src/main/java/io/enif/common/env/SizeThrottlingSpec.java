package io.enif.common.env;

import java.util.Optional;

/**
 * A parsed {@code replica.read_throttling_by_size} env: a token bucket of read bytes per second for the whole table
 * ({@code spec/ops-tables.md} §7.6; the grammar is Pegasus's, undocumented there).
 *
 * <p>Accepted forms: a positive size ({@code 200}, {@code 200K}, {@code 2M}); a lone delay rule ({@code
 * 20000*delay*100}), which the token bucket cannot honour and therefore turns the throttle off; or the throttling
 * grammar of {@link ThrottlingSpec} with a positive reject threshold, whose reject threshold becomes the rate.
 *
 * @param enabled whether reads are throttled
 * @param bytesPerSecond the table-wide rate when enabled
 */
public record SizeThrottlingSpec(boolean enabled, long bytesPerSecond) {

    /** The sample {@code /envs/list} prints. */
    public static final String SAMPLE = "20000*delay*100,20000*reject*100";

    /**
     * Parses the value.
     *
     * @throws IllegalArgumentException with a hint when none of the accepted forms matches
     */
    public static SizeThrottlingSpec parse(String value) {
        String text = value.trim();
        if (!text.contains("*")) {
            long size;
            try {
                size = ThrottlingSpec.parseUnits(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "' should be a size like 200, 200K or 2M", e);
            }
            if (size <= 0) {
                throw new IllegalArgumentException("the size should be greater than 0");
            }
            return new SizeThrottlingSpec(true, size);
        }
        if (!text.contains(",") && isDelayRule(text)) {
            return new SizeThrottlingSpec(false, 0);
        }
        ThrottlingSpec spec = ThrottlingSpec.parse(text);
        if (spec.rejectUnits() == 0) {
            throw new IllegalArgumentException("reject value should be greater than 0");
        }
        return new SizeThrottlingSpec(true, spec.rejectUnits());
    }

    /** The hint for an unacceptable value, or empty when the value parses. */
    public static Optional<String> problem(String value) {
        try {
            parse(value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static boolean isDelayRule(String text) {
        try {
            return !ThrottlingSpec.Rule.parse(text).reject();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
