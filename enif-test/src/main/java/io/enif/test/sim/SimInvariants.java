package io.enif.test.sim;

import io.enif.common.Gpid;
import io.enif.replication.Mutation;
import io.enif.replication.event.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The invariants checked while the simulation runs (the history is checked at the end):
 *
 * <ul>
 *   <li>lease: at any instant at most one replica of a partition can serve reads (checked on every read served and
 *       periodically, after bringing each replica's clock up to now);
 *   <li>agreement: every replica that applies a decree applies the same mutation there;
 *   <li>ballots only grow (checked by the driver after every step, and by the meta server on every change).
 * </ul>
 */
final class SimInvariants {
    private final List<SimReplicaServer> servers = new ArrayList<>();
    private final Map<Gpid, Map<Long, Mutation>> applied = new HashMap<>();
    private final SimProfile profile;

    SimInvariants(SimProfile profile) {
        this.profile = profile;
    }

    void add(SimReplicaServer server) {
        servers.add(server);
    }

    /** A read is being served by {@code server}'s replica. */
    void onRead(SimReplicaServer server, SimHosted h) {
        profile.readsServed++;
        checkOneServer(h.gpid);
    }

    /** Checks that at most one replica of {@code gpid} can serve now. */
    void checkOneServer(Gpid gpid) {
        List<String> serving = new ArrayList<>();
        for (SimReplicaServer s : servers) {
            SimHosted h = s.hosted.get(gpid);
            if (s.alive && h != null) {
                h.replica.step(new Event.Tick(s.clock.nowMs()));
                if (h.replica.canServeReads()) {
                    serving.add(s.id + " (ballot " + h.replica.ballot() + ")");
                }
            }
        }
        if (serving.size() > 1) {
            throw new SimViolation("lease: " + gpid + " can be served by " + serving + " at once");
        }
    }

    /** {@code server} applied {@code m}. */
    void onApply(SimReplicaServer server, SimHosted h, Mutation m) {
        Mutation first = applied.computeIfAbsent(h.gpid, k -> new HashMap<>()).putIfAbsent(m.decree(), m);
        if (first != null && !first.sameContent(m)) {
            throw new SimViolation("agreement: " + server.id + " applied " + m + " at " + h.gpid + " decree "
                    + m.decree() + " where another replica applied " + first);
        }
    }
}
