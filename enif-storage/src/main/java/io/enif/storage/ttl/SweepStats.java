package io.enif.storage.ttl;

/**
 * What a sweep did.
 *
 * @param examined records looked at
 * @param deleted expired records deleted
 * @param stamped records given the table's default TTL
 * @param compacted whether the deleted range was compacted afterwards
 */
public record SweepStats(long examined, long deleted, long stamped, boolean compacted) {
    /** Nothing done. */
    public static final SweepStats ZERO = new SweepStats(0, 0, 0, false);

    /** The sum of two sweeps. */
    public SweepStats plus(SweepStats other) {
        return new SweepStats(
                examined + other.examined,
                deleted + other.deleted,
                stamped + other.stamped,
                compacted || other.compacted);
    }

    /** The same totals, marked as compacted. */
    public SweepStats withCompaction() {
        return new SweepStats(examined, deleted, stamped, true);
    }
}
