package io.enif.meta.level;

/** What a meta function level says about one {@link MetaAction}. */
public enum Permission {
    /** Go ahead. */
    ALLOWED,
    /** Go ahead, but warn the operator (manual balance at lively: the balancer may undo it, DESIGN §10). */
    ALLOWED_WITH_WARNING,
    /** Compute what would be done and report it, change nothing (balance at steady). */
    CHECK_ONLY,
    /** Keep the work and retry it every second until the level rises (ZooKeeper writes at blind and below). */
    POSTPONED,
    /** Refuse: the request is answered {@code ERR_STATE_FREEZED}; background work is skipped. */
    REFUSED;

    /** Whether the action changes something now. */
    public boolean proceeds() {
        return this == ALLOWED || this == ALLOWED_WITH_WARNING;
    }
}
