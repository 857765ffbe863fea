package io.enif.client;

/**
 * One write of {@link EnifTable#batchSet}.
 *
 * @param hashKey the hash key
 * @param sortKey the sort key
 * @param value the value (not null)
 * @param ttlSeconds the TTL in seconds, 0 = none
 */
public record SetItem(byte[] hashKey, byte[] sortKey, byte[] value, int ttlSeconds) {

    /** An item with no TTL. */
    public SetItem(byte[] hashKey, byte[] sortKey, byte[] value) {
        this(hashKey, sortKey, value, 0);
    }
}
