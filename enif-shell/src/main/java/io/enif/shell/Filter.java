package io.enif.shell;

import io.enif.client.FilterType;
import java.util.Arrays;
import java.util.Locale;

/**
 * A key or value filter of the scan and range commands, as Pegasus's shell names them: {@code anywhere}, {@code
 * prefix}, {@code postfix} and {@code exact} with a pattern. Key filters of the first three run on the server;
 * {@code exact} (and every value filter) is checked in the shell, with a prefix filter sent to the server to narrow
 * the walk.
 *
 * @param type {@code no_filter}, {@code anywhere}, {@code prefix}, {@code postfix} or {@code exact}
 * @param pattern the bytes to match (empty: matches everything)
 */
record Filter(String type, byte[] pattern) {
    static final Filter NONE = new Filter("no_filter", new byte[0]);

    /** The filter named by {@code typeFlag}'s and {@code patternFlag}'s values (none when the type is absent). */
    static Filter of(CommandArgs a, String command, String typeFlag, String patternFlag, boolean exactAllowed) {
        String type = a.value(typeFlag, null);
        String pattern = a.value(patternFlag, null);
        if (type == null) {
            if (pattern != null) {
                throw new UsageException(command + ": " + patternFlag + " needs a filter type (" + typeFlag + ")");
            }
            return NONE;
        }
        type = type.toLowerCase(Locale.ROOT);
        if (!(type.equals("anywhere")
                || type.equals("prefix")
                || type.equals("postfix")
                || (exactAllowed && type.equals("exact")))) {
            throw new UsageException(command + ": invalid " + typeFlag + " '" + type + "', must be anywhere, prefix,"
                    + " postfix" + (exactAllowed ? " or exact" : ""));
        }
        return new Filter(type, pattern == null ? new byte[0] : Format.bytes(pattern));
    }

    /** Whether this filter lets everything through. */
    boolean isNone() {
        return type.equals("no_filter") || pattern.length == 0 && !type.equals("exact");
    }

    /** The filter type sent to the server. */
    FilterType serverType() {
        return switch (type) {
            case "anywhere" -> FilterType.MATCH_ANYWHERE;
            case "prefix", "exact" -> FilterType.MATCH_PREFIX;
            case "postfix" -> FilterType.MATCH_POSTFIX;
            default -> FilterType.NO_FILTER;
        };
    }

    /** The pattern sent to the server (null when there is no filter). */
    byte[] serverPattern() {
        return serverType() == FilterType.NO_FILTER ? null : pattern;
    }

    /** Whether {@code bytes} pass this filter (checked in the shell). */
    boolean matches(byte[] bytes) {
        return switch (type) {
            case "anywhere" -> indexOf(bytes, pattern) >= 0;
            case "prefix" ->
                bytes.length >= pattern.length && Arrays.equals(bytes, 0, pattern.length, pattern, 0, pattern.length);
            case "postfix" ->
                bytes.length >= pattern.length
                        && Arrays.equals(
                                bytes, bytes.length - pattern.length, bytes.length, pattern, 0, pattern.length);
            case "exact" -> Arrays.equals(bytes, pattern);
            default -> true;
        };
    }

    private static int indexOf(byte[] bytes, byte[] sub) {
        outer:
        for (int i = 0; i + sub.length <= bytes.length; i++) {
            for (int j = 0; j < sub.length; j++) {
                if (bytes[i + j] != sub[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
