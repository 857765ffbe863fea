package io.enif.meta.election;

import io.enif.common.HostPort;
import io.enif.meta.store.LeaderFence;
import java.util.Optional;

/** What the meta server asks of its election; {@link ZkLeaderElection} is the production one. Thread-safe. */
public interface LeaderElection {

    /** Whether this server leads now: elected, and the leadership lease has not run out. */
    boolean isLeading();

    /** The fence of the current term, while leading. */
    Optional<LeaderFence> fence();

    /** The leader as last seen: this server while it leads, else the current lock owner, if any. */
    Optional<HostPort> leader();

    /** Steps down (if leading) and rejoins the election as a candidate, e.g. after a fenced write. */
    void resign(String reason);
}
