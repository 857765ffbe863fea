package io.enif.replication;

/**
 * <b>Test only.</b> PacificA rules the core can be told to break ({@link Replica#breakRulesForTesting}), so that the
 * deterministic simulation can prove its checkers catch the bugs they exist for. Production code never sets any; a
 * replica breaks nothing unless asked.
 */
public enum BrokenRule {
    /** The primary commits a decree once its own log has it, without waiting for every secondary's ack. */
    COMMIT_BEFORE_ALL_ACKED,
    /** A secondary takes a prepare of a ballot lower than its own, even over what it holds at that decree. */
    ACCEPT_STALE_BALLOT,
    /** A new primary serves reads before its reconciliation round is committed and applied. */
    READ_BEFORE_RECONCILIATION
}
