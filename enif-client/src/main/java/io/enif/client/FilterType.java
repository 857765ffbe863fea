package io.enif.client;

/**
 * How a key filter matches (multiGet, delRange and scanners). An empty or null pattern matches every key, whatever
 * the type. A prefix filter on sort keys also narrows the range the server walks.
 */
public enum FilterType {
    /** No filter. */
    NO_FILTER(0),
    /** The pattern occurs somewhere in the key. */
    MATCH_ANYWHERE(1),
    /** The key starts with the pattern. */
    MATCH_PREFIX(2),
    /** The key ends with the pattern. */
    MATCH_POSTFIX(3);

    private final int value;

    FilterType(int value) {
        this.value = value;
    }

    /** The wire value ({@code filter_type}). */
    public int value() {
        return value;
    }
}
