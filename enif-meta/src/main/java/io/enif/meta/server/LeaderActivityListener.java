package io.enif.meta.server;

import io.enif.common.HostPort;
import io.enif.meta.store.StoreWrite;

/**
 * Told what a meta server does as leader, with the epoch it acts in: for metrics, logs and the tests that check that
 * two leaders never act at once. Called on the meta server's lane; implementations must be quick and thread-safe.
 */
public interface LeaderActivityListener {

    /** {@code self} loaded the state and acts as leader of {@code epoch} from now. */
    default void onLeading(HostPort self, long epoch) {}

    /** {@code self} stopped acting as leader of {@code epoch}. */
    default void onDeposed(HostPort self, long epoch, String reason) {}

    /** {@code self} committed a metadata write. */
    default void onMetadataWrite(HostPort self, StoreWrite write) {}

    /** {@code self}, leading {@code epoch}, acknowledged a beacon of {@code node} at {@code nanoTime}. */
    default void onBeaconAck(HostPort self, long epoch, HostPort node, long nanoTime) {}
}
