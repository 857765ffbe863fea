package io.enif.meta.guardian;

import io.enif.meta.state.ConfigProposal;
import io.enif.meta.state.ConfigUpdate;
import java.util.List;

/**
 * What the meta server does when a replica server is declared dead.
 *
 * @param updates configurations the meta server persists itself, without any replica: a DOWNGRADE_TO_INACTIVE of
 *     every partition the node was primary of (allowed even at freezed)
 * @param proposals DOWNGRADE_TO_INACTIVE proposals to the primaries of the partitions the node was a secondary of;
 *     each primary then asks the meta server for the change, which is applied only above freezed
 */
public record NodeDeathPlan(List<ConfigUpdate> updates, List<ConfigProposal> proposals) {

    public NodeDeathPlan {
        updates = List.copyOf(updates);
        proposals = List.copyOf(proposals);
    }
}
