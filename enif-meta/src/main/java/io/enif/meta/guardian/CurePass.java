package io.enif.meta.guardian;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.meta.state.ClusterState;
import io.enif.meta.state.NodeStates;
import java.util.HashMap;
import java.util.Map;

/**
 * The working state of one cure pass: the inputs, plus the contexts and load as the pass updates them. Built from
 * immutable inputs and turned back into immutable bookkeeping at the end, so the pass as a whole is a pure function.
 */
final class CurePass {
    final ClusterState state;
    final NodeStates nodes;
    final GuardianConfig config;
    final long nowMs;
    final NodeLoad load;
    private final Map<Gpid, CureContext> contexts;

    CurePass(ClusterState state, NodeStates nodes, GuardianBookkeeping book, GuardianConfig config, long nowMs) {
        this.state = state;
        this.nodes = nodes;
        this.config = config;
        this.nowMs = nowMs;
        this.load = new NodeLoad(state, book.newly());
        this.contexts = new HashMap<>(book.contexts());
    }

    CureContext context(Gpid gpid) {
        return contexts.getOrDefault(gpid, CureContext.EMPTY);
    }

    void setContext(Gpid gpid, CureContext context) {
        contexts.put(gpid, context);
    }

    boolean alive(HostPort node) {
        return nodes.isAlive(node);
    }

    boolean blackListed(HostPort node) {
        return config.assignSecondaryBlackList().contains(node);
    }

    GuardianBookkeeping bookkeeping() {
        return new GuardianBookkeeping(contexts, load.newly());
    }
}
