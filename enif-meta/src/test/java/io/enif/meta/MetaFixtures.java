package io.enif.meta;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.meta.state.PartitionConfig;
import java.util.Arrays;
import java.util.List;

/** Small builders shared by the meta tests: nodes named r1..rN and partition configurations. */
public final class MetaFixtures {

    private MetaFixtures() {}

    /** Replica server number {@code i}: {@code 127.0.0.1:3480i}. */
    public static HostPort r(int i) {
        return new HostPort("127.0.0.1", 34800 + i);
    }

    /** Partition {@code appId.pidx}. */
    public static Gpid gpid(int appId, int pidx) {
        return new Gpid(appId, pidx);
    }

    /** A partition of 3 replicas with the given members and ballot 5, committed decree 100. */
    public static PartitionConfig pc(Gpid gpid, HostPort primary, HostPort... secondaries) {
        return new PartitionConfig(gpid, 5, 3, primary, Arrays.asList(secondaries), List.of(), 100, 0);
    }

    /** {@code pc} with other last drops. */
    public static PartitionConfig withDrops(PartitionConfig pc, HostPort... lastDrops) {
        return new PartitionConfig(
                pc.gpid(),
                pc.ballot(),
                pc.maxReplicaCount(),
                pc.primary(),
                pc.secondaries(),
                Arrays.asList(lastDrops),
                pc.lastCommittedDecree(),
                pc.partitionFlags());
    }
}
