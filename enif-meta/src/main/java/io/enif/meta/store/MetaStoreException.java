package io.enif.meta.store;

import java.util.Objects;

/** A metadata read or write that did not happen, and why. */
public class MetaStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the operation failed. */
    public enum Kind {
        /** The writer no longer owns the leader lock (or a newer leader bumped the epoch): it must step down. */
        FENCED,
        /** The store could not be reached in time; the write may be retried. */
        UNAVAILABLE,
        /** The stored data is unreadable or inconsistent; a fatal inconsistency (DESIGN §10). */
        CORRUPT
    }

    private final Kind kind;

    public MetaStoreException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public MetaStoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the writer lost its leadership. */
    public boolean fenced() {
        return kind == Kind.FENCED;
    }
}
