package io.enif.replication;

import java.util.Arrays;
import java.util.Objects;

/**
 * One client write inside a {@link Mutation}: the client's message name (e.g. {@code RPC_RRDB_RRDB_PUT}), the
 * request body exactly as it arrived (opaque to the core), and the driver's id of the client request to reply to.
 *
 * <p>The body array is shared, never copied: neither the core nor the driver may change it after creating the
 * update. {@link #requestId} is meaningful only on the replica that admitted the write; updates received from another
 * replica carry {@link #NO_REQUEST}.
 *
 * @param code the client's RPC message name
 * @param data the request's args body
 * @param requestId the driver's id for the client request, or {@link #NO_REQUEST}
 */
public record MutationUpdate(String code, byte[] data, long requestId) {
    /** The request id of an update no local client waits for. */
    public static final long NO_REQUEST = -1;

    public MutationUpdate {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(data, "data");
    }

    /** This update with no client to reply to. */
    public MutationUpdate withoutRequest() {
        return requestId == NO_REQUEST ? this : new MutationUpdate(code, data, NO_REQUEST);
    }

    /** Whether a local client waits for this update's outcome. */
    public boolean hasRequest() {
        return requestId != NO_REQUEST;
    }

    /** Same code and bytes (the request id is not part of a write's content). */
    public boolean sameContent(MutationUpdate other) {
        return code.equals(other.code) && Arrays.equals(data, other.data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MutationUpdate u && requestId == u.requestId && sameContent(u);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, Arrays.hashCode(data), requestId);
    }

    @Override
    public String toString() {
        return code + "(" + data.length + " bytes" + (hasRequest() ? ", request " + requestId : "") + ")";
    }
}
