package io.enif.meta.fd;

import io.enif.common.HostPort;
import java.util.List;

/**
 * The liveness changes one {@link FailureDetector#check(long)} reports, each list in address order.
 *
 * @param becameDead nodes whose grace period ran out at this check
 * @param becameAlive nodes that a beacon brought (back) to life since the previous check
 */
public record FdTransitions(List<HostPort> becameDead, List<HostPort> becameAlive) {

    public FdTransitions {
        becameDead = List.copyOf(becameDead);
        becameAlive = List.copyOf(becameAlive);
    }

    /** Whether nothing changed. */
    public boolean isEmpty() {
        return becameDead.isEmpty() && becameAlive.isEmpty();
    }
}
