package io.enif.replication;

import io.enif.common.HostPort;
import java.util.List;

/**
 * What one replica knows of its group: the ballot, the primary, the secondaries, the learners (known only to the
 * primary) and this replica's own status. A secondary's lists are as fresh as the last configuration it received
 * from the meta server; the ballot and the primary are always current.
 *
 * @param ballot the configuration epoch
 * @param primary the primary, or {@code null} when unknown or absent
 * @param secondaries the secondaries as far as this replica knows
 * @param learners the potential secondaries (on the primary only; empty elsewhere)
 * @param status this replica's role
 */
public record ReplicaConfiguration(
        long ballot, HostPort primary, List<HostPort> secondaries, List<HostPort> learners, PartitionStatus status) {

    public ReplicaConfiguration {
        secondaries = List.copyOf(secondaries);
        learners = List.copyOf(learners);
    }
}
