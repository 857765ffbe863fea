package io.enif.proto.frame;

import io.enif.common.Gpid;

/**
 * The routing fields a request frame's header carries: the v1 {@code request_meta} struct, or the same fields of a
 * v0 header ({@code spec/protocol.md} §2).
 *
 * <p>The v0 {@code client_thread_hash} is not kept: like Pegasus, the server derives the thread hash from the gpid
 * ({@link #threadHash()}). v0 has no backup-request flag, so it reads as false.
 *
 * @param headerVersion {@link Thft#VERSION_1} or {@link Thft#VERSION_0}
 * @param appId the target table id (meta RPCs send -1 or 0, which servers ignore)
 * @param partitionIndex the target partition index
 * @param clientTimeoutMs this attempt's timeout in milliseconds (0 = none given)
 * @param partitionHash the routing hash of the key; only used to validate partition splits
 * @param backupRequest whether a secondary may serve this read
 */
public record RequestMeta(
        int headerVersion,
        int appId,
        int partitionIndex,
        int clientTimeoutMs,
        long partitionHash,
        boolean backupRequest) {

    public RequestMeta {
        if (headerVersion != Thft.VERSION_0 && headerVersion != Thft.VERSION_1) {
            throw new IllegalArgumentException("unsupported header version " + headerVersion);
        }
    }

    /** A v1 meta for a request to {@code gpid}. */
    public static RequestMeta v1(Gpid gpid, int clientTimeoutMs, long partitionHash, boolean backupRequest) {
        return new RequestMeta(
                Thft.VERSION_1, gpid.appId(), gpid.partitionIndex(), clientTimeoutMs, partitionHash, backupRequest);
    }

    /** The target partition. */
    public Gpid gpid() {
        return new Gpid(appId, partitionIndex);
    }

    /** Pegasus's thread hash of the target partition. */
    public int threadHash() {
        return Thft.threadHash(appId, partitionIndex);
    }
}
