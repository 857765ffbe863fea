package io.enif.test.history;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a client asked for, on the sort keys of one hash key. Each kind names Pegasus's operation; the checker's model
 * ({@link KeyModel}) gives each its sequential meaning.
 */
public sealed interface Op {

    /** Whether the operation can change data (reads cannot). */
    boolean isWrite();

    /** {@code set}: the sort key now holds {@code value}. */
    record Put(String sortKey, String value) implements Op {
        public Put {
            Objects.requireNonNull(sortKey);
            Objects.requireNonNull(value);
        }

        @Override
        public boolean isWrite() {
            return true;
        }
    }

    /** {@code get}: returns the value, or {@code null} when the sort key holds nothing. */
    record Get(String sortKey) implements Op {
        @Override
        public boolean isWrite() {
            return false;
        }
    }

    /** {@code incr}: adds {@code delta} to the number held (absent counts as 0) and returns the new value. */
    record Incr(String sortKey, long delta) implements Op {
        @Override
        public boolean isWrite() {
            return true;
        }
    }

    /**
     * {@code check_and_set} with the "value equals" check (or "not exist" when {@code expected} is null): when the
     * check sort key holds {@code expected}, the set sort key takes {@code setValue}; returns whether it did.
     */
    record CheckAndSet(String checkSortKey, String expected, String setSortKey, String setValue) implements Op {
        @Override
        public boolean isWrite() {
            return true;
        }
    }

    /** {@code multi_set}: every sort key takes its value, atomically. */
    record MultiPut(Map<String, String> values) implements Op {
        public MultiPut {
            values = new TreeMap<>(values);
        }

        @Override
        public boolean isWrite() {
            return true;
        }
    }
}
