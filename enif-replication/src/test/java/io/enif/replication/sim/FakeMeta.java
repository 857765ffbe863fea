package io.enif.replication.sim;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.replication.ConfigType;
import io.enif.replication.PartitionConfiguration;
import io.enif.replication.ready.Ready;
import java.util.ArrayList;
import java.util.List;

/**
 * The meta server's persistence rule for one partition (spec §6.10): a change is stored only if its ballot is the
 * stored ballot + 1; an identical repeat is acknowledged; anything else is refused with {@code ERR_INVALID_VERSION}
 * and the stored configuration. It also makes the decisions a test asks for (node death, new primary).
 */
final class FakeMeta {
    /** A persisted change, for assertions. */
    record Change(ConfigType type, HostPort node, PartitionConfiguration config) {}

    private PartitionConfiguration stored;
    /** Refuse the next update with {@code ERR_INVALID_VERSION}, as if another change had won the race. */
    boolean refuseNext;

    private final List<Change> history = new ArrayList<>();

    FakeMeta(Gpid gpid, int maxReplicaCount) {
        stored = PartitionConfiguration.initial(gpid, maxReplicaCount);
    }

    PartitionConfiguration stored() {
        return stored;
    }

    List<Change> history() {
        return List.copyOf(history);
    }

    /** {@code RPC_CM_UPDATE_PARTITION_CONFIGURATION}. */
    ReplyAndConfig update(Ready.UpdateConfiguration request) {
        PartitionConfiguration proposed = request.config();
        if (refuseNext) {
            refuseNext = false;
            return new ReplyAndConfig(ErrorCode.ERR_INVALID_VERSION, stored);
        }
        if (sameMembers(proposed, stored) && proposed.ballot() == stored.ballot()) {
            return new ReplyAndConfig(ErrorCode.ERR_OK, stored);
        }
        if (proposed.ballot() != stored.ballot() + 1) {
            return new ReplyAndConfig(ErrorCode.ERR_INVALID_VERSION, stored);
        }
        persist(request.type(), request.node(), proposed);
        return new ReplyAndConfig(ErrorCode.ERR_OK, stored);
    }

    /** The meta server's answer to an update. */
    record ReplyAndConfig(ErrorCode error, PartitionConfiguration config) {}

    /**
     * The failure detector declared {@code node} dead: a dead primary is removed by the meta server itself
     * (ballot + 1); a dead secondary is left to the primary.
     */
    void nodeDied(HostPort node) {
        if (node.equals(stored.primary())) {
            persist(
                    ConfigType.CT_DOWNGRADE_TO_INACTIVE,
                    node,
                    stored.next(null, stored.secondaries(), stored.lastCommittedDecree()));
        }
    }

    private void persist(ConfigType type, HostPort node, PartitionConfiguration config) {
        stored = config;
        history.add(new Change(type, node, config));
    }

    private static boolean sameMembers(PartitionConfiguration a, PartitionConfiguration b) {
        return java.util.Objects.equals(a.primary(), b.primary())
                && a.secondaries().size() == b.secondaries().size()
                && a.secondaries().containsAll(b.secondaries());
    }
}
