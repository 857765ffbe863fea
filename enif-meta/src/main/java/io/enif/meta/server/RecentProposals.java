package io.enif.meta.server;

import io.enif.meta.state.ConfigProposal;
import java.util.HashMap;
import java.util.Map;

/**
 * The proposals the leader sent lately, so that cure passes close together do not send one proposal twice: a replica
 * server that comes back triggers a pass with its first beacon and another with the config sync that follows a few
 * milliseconds later, and both found the same missing secondary ({@code CT_ADD_SECONDARY} two or three times within
 * ~50 ms, each starting a learning round on the primary). An identical proposal (same partition, type, target, node
 * and ballot) goes out again only after {@code windowMs}; the periodic pass ({@code lb_interval_ms}) still repeats a
 * proposal that was lost. Confined to the meta lane.
 */
final class RecentProposals {
    private record Sent(long ballot, long atMs) {}

    private final Map<ConfigProposal, Sent> sent = new HashMap<>();

    /**
     * Whether {@code proposal} at {@code ballot} went out less than {@code windowMs} before {@code nowMs}; when not,
     * records it as sent now.
     */
    boolean isRepeat(ConfigProposal proposal, long ballot, long nowMs, long windowMs) {
        sent.values().removeIf(s -> nowMs - s.atMs() >= windowMs);
        Sent last = sent.get(proposal);
        if (last != null && last.ballot() == ballot) {
            return true;
        }
        sent.put(proposal, new Sent(ballot, nowMs));
        return false;
    }
}
