package io.enif.common.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed throttling env ({@code replica.write_throttling}, {@code replica.write_throttling_by_size}, {@code
 * replica.read_throttling}, {@code replica.backup_request_throttling}; {@code spec/ops-tables.md} §7.2).
 *
 * <p>Grammar: {@code rule ["," rule]} with {@code rule := threshold "*" action "*" delay_ms}, {@code threshold :=
 * unsigned [K|M]} (K = ×1024, M = ×1048576), {@code action := delay | reject}, {@code delay_ms := unsigned}. At most
 * one delay rule and one reject rule; either may be absent. Blanks around fields are ignored, and empty rules between
 * commas are skipped, as Pegasus's argument splitter does.
 *
 * @param delayUnits table-wide threshold above which requests are delayed; 0 (no rule, or a zero threshold) = no delay
 * @param delayMs how long a delayed request is held
 * @param rejectUnits table-wide threshold above which requests are rejected; 0 = no rejection
 * @param rejectDelayMs how long a rejected request waits before its {@code ERR_BUSY} reply
 */
public record ThrottlingSpec(long delayUnits, long delayMs, long rejectUnits, long rejectDelayMs) {

    /** What {@code /envs/list} prints as the limitation of throttling envs. */
    public static final String LIMITATION = "<size[K|M]>*<delay|reject>*<milliseconds>";

    /** The sample {@code /envs/list} prints for throttling envs. */
    public static final String SAMPLE = "10000*delay*100,20000*reject*100";

    /** Whether requests over a threshold are delayed. */
    public boolean hasDelay() {
        return delayUnits > 0;
    }

    /** Whether requests over a threshold are rejected. */
    public boolean hasReject() {
        return rejectUnits > 0;
    }

    /**
     * Parses a throttling value.
     *
     * @throws IllegalArgumentException with a hint naming the offending part when the value does not follow the
     *     grammar
     */
    public static ThrottlingSpec parse(String value) {
        List<String> rules = splitRules(value);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("the value shouldn't be empty");
        }
        Rule delay = null;
        Rule reject = null;
        for (String text : rules) {
            Rule rule = Rule.parse(text);
            if (rule.reject) {
                if (reject != null) {
                    throw new IllegalArgumentException("duplicate 'reject' config");
                }
                reject = rule;
            } else {
                if (delay != null) {
                    throw new IllegalArgumentException("duplicate 'delay' config");
                }
                delay = rule;
            }
        }
        return new ThrottlingSpec(
                delay == null ? 0 : delay.units,
                delay == null ? 0 : delay.ms,
                reject == null ? 0 : reject.units,
                reject == null ? 0 : reject.ms);
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

    /** The non-empty, trimmed comma-separated parts of {@code value}. */
    static List<String> splitRules(String value) {
        List<String> rules = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            if (!part.isBlank()) {
                rules.add(part.trim());
            }
        }
        return rules;
    }

    /**
     * Parses {@code <unsigned>[K|M]}.
     *
     * @throws IllegalArgumentException when it is not an unsigned integer with an optional K or M, or overflows
     */
    static long parseUnits(String text) {
        long multiplier = 1;
        String digits = text;
        if (text.endsWith("K")) {
            multiplier = 1L << 10;
            digits = text.substring(0, text.length() - 1);
        } else if (text.endsWith("M")) {
            multiplier = 1L << 20;
            digits = text.substring(0, text.length() - 1);
        }
        long number = parseUnsigned(digits);
        try {
            return Math.multiplyExact(number, multiplier);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' overflows", e);
        }
    }

    /** Parses a plain unsigned decimal integer, rejecting signs and anything else. */
    static long parseUnsigned(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + text + "' should be an unsigned integer");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' should be an unsigned integer", e);
        }
    }

    /** One {@code threshold*action*ms} rule. */
    record Rule(long units, boolean reject, long ms) {
        static Rule parse(String text) {
            String[] fields = text.split("\\*", -1);
            if (fields.length != 3) {
                throw new IllegalArgumentException("the field count of '" + text + "' separated by '*' must be 3");
            }
            long units = parseUnits(fields[0].trim());
            String action = fields[1].trim();
            boolean reject;
            if (action.equals("delay")) {
                reject = false;
            } else if (action.equals("reject")) {
                reject = true;
            } else {
                throw new IllegalArgumentException("'" + action + "' should be 'delay' or 'reject'");
            }
            long ms = parseUnsigned(fields[2].trim());
            return new Rule(units, reject, ms);
        }
    }
}
