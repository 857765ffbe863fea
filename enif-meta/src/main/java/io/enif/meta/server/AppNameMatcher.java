package io.enif.meta.server;

import io.enif.proto.utils.pattern_match_type;

/**
 * {@code list_apps}'s name filter ({@code spec/internal-rpc.md} §3.3): all, exact, anywhere, prefix and postfix, as
 * Pegasus's meta server does; regex is not implemented there either.
 */
final class AppNameMatcher {

    private AppNameMatcher() {}

    /** Whether {@code matchType} is a filter the meta server implements. */
    static boolean supported(int matchType) {
        return matchType >= pattern_match_type.PMT_MATCH_ALL.getValue()
                && matchType <= pattern_match_type.PMT_MATCH_POSTFIX.getValue();
    }

    /** Whether {@code name} passes the filter (an unsupported type passes nothing). */
    static boolean matches(String name, String pattern, int matchType) {
        pattern_match_type type = pattern_match_type.findByValue(matchType);
        if (type == null) {
            return false;
        }
        return switch (type) {
            case PMT_MATCH_ALL -> true;
            case PMT_MATCH_EXACT -> name.equals(pattern);
            case PMT_MATCH_ANYWHERE -> name.contains(pattern);
            case PMT_MATCH_PREFIX -> name.startsWith(pattern);
            case PMT_MATCH_POSTFIX -> name.endsWith(pattern);
            default -> false;
        };
    }
}
