package io.enif.storage.op;

import io.enif.proto.key.KeyCodec;
import io.enif.proto.rrdb.filter_type;

/**
 * A range of encoded keys with inclusive or exclusive ends, as multi_get and scanners walk them. Keys compare as
 * unsigned bytes.
 *
 * @param start the low end
 * @param startInclusive whether {@code start} itself is in the range
 * @param stop the high end
 * @param stopInclusive whether {@code stop} itself is in the range
 */
public record KeyRange(byte[] start, boolean startInclusive, byte[] stop, boolean stopInclusive) {

    /**
     * The range of a multi_get by range ({@code protocol.md} §11): within {@code hashKey}, from {@code startSortKey}
     * to {@code stopSortKey}; an empty stop means the end of the hash key, exclusive whatever {@code stopInclusive}
     * says. A prefix filter with a non-empty pattern narrows both ends.
     *
     * @throws IllegalArgumentException when the hash key is too long to encode
     */
    public static KeyRange forMultiGet(
            byte[] hashKey,
            byte[] startSortKey,
            boolean startInclusive,
            byte[] stopSortKey,
            boolean stopInclusive,
            filter_type sortKeyFilterType,
            byte[] sortKeyFilterPattern) {
        byte[] start = KeyCodec.encode(hashKey, startSortKey);
        byte[] stop;
        if (stopSortKey.length == 0) {
            stop = KeyCodec.successorOfPrefix(KeyCodec.hashKeyPrefix(hashKey));
            stopInclusive = false;
        } else {
            stop = KeyCodec.encode(hashKey, stopSortKey);
        }
        if (sortKeyFilterType == filter_type.FT_MATCH_PREFIX && sortKeyFilterPattern.length > 0) {
            byte[] prefixStart = KeyCodec.encode(hashKey, sortKeyFilterPattern);
            byte[] prefixStop = KeyCodec.successorOfPrefix(prefixStart);
            if (Bytes.compare(prefixStart, start) > 0) {
                start = prefixStart;
                startInclusive = true;
            }
            if (Bytes.compare(prefixStop, stop) <= 0) {
                stop = prefixStop;
                stopInclusive = false;
            }
        }
        return new KeyRange(start, startInclusive, stop, stopInclusive);
    }

    /**
     * The range of a scanner ({@code protocol.md} §12): the request's encoded start and stop keys. A hash-key prefix
     * filter raises the start to the first key of that prefix (it cannot lower the stop, since hash keys of different
     * lengths interleave).
     */
    public static KeyRange forScan(
            byte[] startKey,
            boolean startInclusive,
            byte[] stopKey,
            boolean stopInclusive,
            filter_type hashKeyFilterType,
            byte[] hashKeyFilterPattern) {
        byte[] start = startKey;
        if (hashKeyFilterType == filter_type.FT_MATCH_PREFIX
                && hashKeyFilterPattern.length > 0
                && hashKeyFilterPattern.length <= KeyCodec.MAX_HASH_KEY_LENGTH) {
            byte[] prefixStart = KeyCodec.hashKeyPrefix(hashKeyFilterPattern);
            if (Bytes.compare(prefixStart, start) > 0) {
                start = prefixStart;
                startInclusive = true;
            }
        }
        return new KeyRange(start, startInclusive, stopKey, stopInclusive);
    }

    /** Whether no key can be in the range. */
    public boolean isEmpty() {
        int c = Bytes.compare(start, stop);
        return c > 0 || (c == 0 && !(startInclusive && stopInclusive));
    }

    /** Whether {@code key} lies beyond the high end. */
    public boolean isAfterStop(byte[] key) {
        int c = Bytes.compare(key, stop);
        return c > 0 || (c == 0 && !stopInclusive);
    }

    /** Whether {@code key} lies below the low end. */
    public boolean isBeforeStart(byte[] key) {
        int c = Bytes.compare(key, start);
        return c < 0 || (c == 0 && !startInclusive);
    }

    /** Whether {@code key} is in the range. */
    public boolean contains(byte[] key) {
        return !isBeforeStart(key) && !isAfterStop(key);
    }
}
