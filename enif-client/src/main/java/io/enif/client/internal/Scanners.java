package io.enif.client.internal;

import io.enif.client.FilterType;
import io.enif.client.ScanOptions;
import io.enif.client.ops.Target;
import io.enif.proto.key.KeyCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;

/** Builds scanners: the encoded key range of a hash-key scan, and the split of a table for unordered scans. */
final class Scanners {
    /** A full scan's range: every encoded key is in [00 00, ff ff). */
    private static final byte[] FULL_START = {0, 0};

    private static final byte[] FULL_STOP = {(byte) 0xff, (byte) 0xff};

    private final TableHandler handler;
    private final Executor lane;

    Scanners(TableHandler handler, Executor lane) {
        this.handler = handler;
        this.lane = lane;
    }

    /**
     * A scanner over one hash key from {@code startSortKey} to {@code stopSortKey} (empty: to the end of the hash key,
     * exclusive). A sort-key prefix filter narrows both ends; an empty range gives a scanner that sends nothing.
     */
    DefaultEnifScanner ordered(byte[] hashKey, byte[] startSortKey, byte[] stopSortKey, ScanOptions options) {
        byte[] hk = Checks.nonEmptyHashKey("getScanner", hashKey);
        ScanOptions o = options == null ? ScanOptions.defaults() : options;
        byte[] start = KeyCodec.encode(hk, Checks.orEmpty(startSortKey));
        boolean startInclusive = o.startInclusive();
        byte[] stop;
        boolean stopInclusive;
        if (stopSortKey == null || stopSortKey.length == 0) {
            stop = KeyCodec.successorOfPrefix(KeyCodec.hashKeyPrefix(hk));
            stopInclusive = false;
        } else {
            stop = KeyCodec.encode(hk, stopSortKey);
            stopInclusive = o.stopInclusive();
        }
        byte[] prefix = o.sortKeyFilterPattern();
        if (o.sortKeyFilterType() == FilterType.MATCH_PREFIX && prefix != null && prefix.length > 0) {
            byte[] prefixStart = KeyCodec.encode(hk, prefix);
            if (Arrays.compareUnsigned(prefixStart, start) > 0) {
                start = prefixStart;
                startInclusive = true;
            }
            byte[] next = KeyCodec.successorOfPrefix(prefix);
            if (next != null) {
                byte[] prefixStop = KeyCodec.encode(hk, next);
                if (Arrays.compareUnsigned(prefixStop, stop) <= 0) {
                    stop = prefixStop;
                    stopInclusive = false;
                }
            }
        }
        int order = Arrays.compareUnsigned(start, stop);
        boolean empty = order > 0 || (order == 0 && !(startInclusive && stopInclusive));
        List<Target> partitions = empty ? List.of() : List.of(Target.ofHashKey(hk));
        return new DefaultEnifScanner(handler, lane, partitions, start, startInclusive, stop, stopInclusive, o);
    }

    /**
     * {@code min(maxSplitCount, partitionCount)} scanners over whole partitions; the first {@code partitionCount mod n}
     * get one partition more than the others.
     */
    List<DefaultEnifScanner> unordered(int maxSplitCount, ScanOptions options) {
        if (maxSplitCount <= 0) {
            throw Checks.invalid("getUnorderedScanners", "maxSplitCount must be positive, got " + maxSplitCount);
        }
        ScanOptions o = options == null ? ScanOptions.defaults() : options;
        int partitionCount = handler.routes().current().partitionCount();
        int n = Math.min(maxSplitCount, partitionCount);
        int size = partitionCount / n;
        int more = partitionCount % n;
        List<DefaultEnifScanner> scanners = new ArrayList<>(n);
        int next = 0;
        for (int i = 0; i < n; i++) {
            int count = size + (i < more ? 1 : 0);
            List<Target> partitions = new ArrayList<>(count);
            for (int j = 0; j < count; j++) {
                partitions.add(Target.ofPartition(next++));
            }
            scanners.add(new DefaultEnifScanner(handler, lane, partitions, FULL_START, true, FULL_STOP, false, o));
        }
        return scanners;
    }
}
