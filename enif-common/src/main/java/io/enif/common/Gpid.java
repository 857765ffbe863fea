package io.enif.common;

/**
 * A partition's global id: the table (app) id and the partition index, Pegasus's "gpid".
 *
 * <p>On the wire a gpid is one i64, {@code (partitionIndex << 32) | (appId & 0xffffffff)}.
 */
public record Gpid(int appId, int partitionIndex) implements Comparable<Gpid> {

    /** The i64 form used on the wire. */
    public long toLong() {
        return ((long) partitionIndex << 32) | (appId & 0xffffffffL);
    }

    /** The gpid packed in a wire i64. */
    public static Gpid fromLong(long value) {
        return new Gpid((int) value, (int) (value >>> 32));
    }

    @Override
    public int compareTo(Gpid other) {
        int byApp = Integer.compare(appId, other.appId);
        return byApp != 0 ? byApp : Integer.compare(partitionIndex, other.partitionIndex);
    }

    /** Pegasus's textual form, {@code <app_id>.<partition_index>}. */
    @Override
    public String toString() {
        return appId + "." + partitionIndex;
    }
}
