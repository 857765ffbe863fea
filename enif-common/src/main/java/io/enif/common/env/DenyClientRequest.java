package io.enif.common.env;

import java.util.Locale;
import java.util.Optional;

/**
 * A parsed {@code replica.deny_client_request} env ({@code spec/ops-tables.md} §8): which client requests a table's
 * replicas refuse, and how.
 *
 * @param mode how refused requests are answered
 * @param scope which requests are refused
 */
public record DenyClientRequest(Mode mode, Scope scope) {

    /** What {@code /envs/list} prints as the limitation. */
    public static final String LIMITATION =
            "timeout*all | timeout*write | timeout*read | reconfig*all | reconfig*write | reconfig*read";

    /** How a refused request is answered. */
    public enum Mode {
        /** No reply: the client times out. */
        TIMEOUT,
        /** A routing error, so the client refreshes its configuration. */
        RECONFIG
    }

    /** Which requests are refused. */
    public enum Scope {
        ALL,
        WRITE,
        READ
    }

    /**
     * Parses {@code <timeout|reconfig>*<all|write|read>}.
     *
     * @throws IllegalArgumentException listing the valid values when the value is not one of them
     */
    public static DenyClientRequest parse(String value) {
        String[] fields = value.split("\\*", -1);
        if (fields.length == 2) {
            Mode mode = switch (fields[0].trim()) {
                case "timeout" -> Mode.TIMEOUT;
                case "reconfig" -> Mode.RECONFIG;
                default -> null;
            };
            String scopeText = fields[1].trim();
            if (mode != null && (scopeText.equals("all") || scopeText.equals("write") || scopeText.equals("read"))) {
                return new DenyClientRequest(mode, Scope.valueOf(scopeText.toUpperCase(Locale.ROOT)));
            }
        }
        throw new IllegalArgumentException("should be one of " + LIMITATION);
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

    /** The env form, e.g. {@code timeout*write}. */
    @Override
    public String toString() {
        return mode.name().toLowerCase(Locale.ROOT) + "*" + scope.name().toLowerCase(Locale.ROOT);
    }
}
