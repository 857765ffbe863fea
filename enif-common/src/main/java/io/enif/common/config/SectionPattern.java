package io.enif.common.config;

import java.util.Objects;

/**
 * A section name, or a family of them: {@code core} matches only {@code [core]}, while {@code threadpool.*} matches
 * every section whose name starts with {@code threadpool.} (including {@code [threadpool..default]}).
 */
public record SectionPattern(String pattern) {

    public SectionPattern {
        Objects.requireNonNull(pattern, "pattern");
        int star = pattern.indexOf('*');
        if (pattern.isEmpty() || pattern.equals("*") || star >= 0 && star != pattern.length() - 1) {
            throw new IllegalArgumentException("invalid section pattern: '" + pattern + "'");
        }
    }

    /** Parses {@code name} or {@code prefix*}. */
    public static SectionPattern of(String pattern) {
        return new SectionPattern(pattern);
    }

    /** Whether this pattern names a family of sections. */
    public boolean isPrefix() {
        return pattern.endsWith("*");
    }

    /** Whether {@code section} is matched. */
    public boolean matches(String section) {
        return isPrefix() ? section.startsWith(pattern.substring(0, pattern.length() - 1)) : section.equals(pattern);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
