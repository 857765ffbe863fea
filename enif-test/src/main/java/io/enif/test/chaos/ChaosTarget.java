package io.enif.test.chaos;

import java.util.Objects;

/**
 * One server process of the onebox that faults are injected into: meta server {@code index} or replica server {@code
 * index} (1-based, as the onebox's {@code meta<n>} and {@code replica<n>} directories).
 *
 * @param role meta or replica server
 * @param index the instance's number, from 1
 */
public record ChaosTarget(Role role, int index) {
    /** The kinds of server process. ZooKeeper is never a target. */
    public enum Role {
        META("meta"),
        REPLICA("replica");

        private final String onebox;

        Role(String onebox) {
            this.onebox = onebox;
        }

        /** The role's name in the onebox ({@code meta}, {@code replica}). */
        public String oneboxName() {
            return onebox;
        }
    }

    public ChaosTarget {
        Objects.requireNonNull(role, "role");
        if (index < 1) {
            throw new IllegalArgumentException("instance index must be positive, not " + index);
        }
    }

    @Override
    public String toString() {
        return role.oneboxName() + "@" + index;
    }
}
