package io.enif.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The writes of a {@link EnifTable#checkAndMutate}: puts and deletes of sort keys of the call's hash key, applied in
 * order, all or none.
 */
public final class Mutations {

    /** One write of the list. */
    public record Mutation(Kind kind, byte[] sortKey, byte[] value, int ttlSeconds) {}

    /** Put or delete. */
    public enum Kind {
        PUT,
        DELETE
    }

    private final List<Mutation> mutations = new ArrayList<>();

    /** Puts {@code value} under {@code sortKey}, with no TTL. */
    public Mutations set(byte[] sortKey, byte[] value) {
        return set(sortKey, value, 0);
    }

    /**
     * Puts {@code value} under {@code sortKey} with a TTL in seconds (0 = none). The arguments are checked when the
     * call is made.
     */
    public Mutations set(byte[] sortKey, byte[] value, int ttlSeconds) {
        mutations.add(new Mutation(Kind.PUT, sortKey, value, ttlSeconds));
        return this;
    }

    /** Deletes {@code sortKey}. */
    public Mutations del(byte[] sortKey) {
        mutations.add(new Mutation(Kind.DELETE, sortKey, null, 0));
        return this;
    }

    /** The writes, in order. */
    public List<Mutation> list() {
        return Collections.unmodifiableList(mutations);
    }

    /** Whether there is no write. */
    public boolean isEmpty() {
        return mutations.isEmpty();
    }
}
