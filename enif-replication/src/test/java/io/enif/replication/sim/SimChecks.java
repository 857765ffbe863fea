package io.enif.replication.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.replication.Mutation;
import io.enif.replication.ready.Ready;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The safety properties a simulated run must keep. */
final class SimChecks {
    private SimChecks() {}

    /** Every decree applied on more than one node holds the same writes everywhere. */
    static void assertNoDivergence(Collection<SimNode> nodes) {
        Map<Long, Mutation> first = new HashMap<>();
        Map<Long, HostPort> firstNode = new HashMap<>();
        for (SimNode node : nodes) {
            for (Mutation m : node.applied.values()) {
                Mutation seen = first.putIfAbsent(m.decree(), m);
                firstNode.putIfAbsent(m.decree(), node.id);
                if (seen != null) {
                    assertThat(m.sameContent(seen))
                            .as("decree %d on %s and %s", m.decree(), node.id, firstNode.get(m.decree()))
                            .isTrue();
                }
            }
        }
    }

    /** Every write acknowledged with {@code ERR_OK} is applied at its decree on {@code node}. */
    static void assertAcknowledgedWritesApplied(
            SimNode node, Collection<Ready.ClientReply> replies, Map<Long, String> writes) {
        for (Ready.ClientReply reply : replies) {
            if (reply.error() != ErrorCode.ERR_OK) {
                continue;
            }
            Mutation m = node.applied.get(reply.decree());
            assertThat(m)
                    .as("acknowledged decree %d on %s", reply.decree(), node.id)
                    .isNotNull();
            String value = writes.get(reply.requestId());
            assertThat(m.updates())
                    .as("decree %d on %s holds the acknowledged write", reply.decree(), node.id)
                    .anyMatch(u -> new String(u.data(), StandardCharsets.UTF_8).equals(value));
        }
    }
}
