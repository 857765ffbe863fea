package io.enif.storage.op;

import io.enif.proto.rrdb.filter_type;

/**
 * The FT_* key filters of multi_get and scanners ({@code client-and-shell.md} §A.5): match anywhere, as a prefix or as
 * a postfix. An empty pattern or FT_NO_FILTER (also an absent type) matches everything.
 */
public final class FilterMatcher {
    private FilterMatcher() {}

    /** Whether {@code buf[off, off+len)} passes the filter. */
    public static boolean matches(filter_type type, byte[] pattern, byte[] buf, int off, int len) {
        if (type == null || pattern.length == 0) {
            return true;
        }
        return switch (type) {
            case FT_NO_FILTER -> true;
            case FT_MATCH_ANYWHERE -> Bytes.contains(buf, off, len, pattern);
            case FT_MATCH_PREFIX -> Bytes.startsWith(buf, off, len, pattern);
            case FT_MATCH_POSTFIX -> Bytes.endsWith(buf, off, len, pattern);
        };
    }

    /** Whether the filter can reject anything (a real type with a non-empty pattern). */
    public static boolean isActive(filter_type type, byte[] pattern) {
        return type != null && type != filter_type.FT_NO_FILTER && pattern.length > 0;
    }
}
