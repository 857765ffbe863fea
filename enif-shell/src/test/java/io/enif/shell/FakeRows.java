package io.enif.shell;

import io.enif.client.CheckAndMutateResult;
import io.enif.client.CheckAndSetOptions;
import io.enif.client.CheckAndSetResult;
import io.enif.client.CheckType;
import io.enif.client.EnifScanner;
import io.enif.client.FilterType;
import io.enif.client.MultiGetOptions;
import io.enif.client.MultiGetResult;
import io.enif.client.MultiGetSortKeysResult;
import io.enif.client.Mutations;
import io.enif.client.ScanOptions;
import io.enif.client.ScanRecord;
import io.enif.client.SortKeyValue;
import io.enif.proto.key.KeyCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** The fake table's range reads, scanners and conditional writes over rows keyed {@code hash_key \0 sort_key}. */
final class FakeRows {
    private FakeRows() {}

    private static String s(byte[] bytes) {
        return new String(bytes == null ? new byte[0] : bytes, StandardCharsets.ISO_8859_1);
    }

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean filter(FilterType type, byte[] pattern, String key) {
        if (type == FilterType.NO_FILTER || pattern == null || pattern.length == 0) {
            return true;
        }
        String p = s(pattern);
        return switch (type) {
            case MATCH_ANYWHERE -> key.contains(p);
            case MATCH_PREFIX -> key.startsWith(p);
            case MATCH_POSTFIX -> key.endsWith(p);
            default -> true;
        };
    }

    /** The rows of one hash key within [start, stop] by the inclusive flags (empty stop: to the end). */
    private static List<String[]> rows(
            TreeMap<String, String> rows, String hk, String start, boolean startIncl, String stop, boolean stopIncl) {
        List<String[]> out = new ArrayList<>();
        String prefix = hk + "\0";
        for (Map.Entry<String, String> e : rows.tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            String sk = e.getKey().substring(prefix.length());
            int c1 = sk.compareTo(start);
            if (c1 < 0 || (c1 == 0 && !startIncl)) {
                continue;
            }
            if (!stop.isEmpty()) {
                int c2 = sk.compareTo(stop);
                if (c2 > 0 || (c2 == 0 && !stopIncl)) {
                    break;
                }
            }
            out.add(new String[] {hk, sk, e.getValue()});
        }
        return out;
    }

    /** multiGet(hk, start, stop, options, maxCount, maxSize, timeout). */
    static MultiGetResult range(TreeMap<String, String> all, Object[] args) {
        MultiGetOptions o = (MultiGetOptions) args[3];
        int max = (int) args[4];
        List<String[]> rows = rows(
                all,
                s((byte[]) args[0]),
                s((byte[]) args[1]),
                o.startInclusive(),
                s((byte[]) args[2]),
                o.stopInclusive());
        rows.removeIf(r -> !filter(o.sortKeyFilterType(), o.sortKeyFilterPattern(), r[1]));
        boolean complete = true;
        if (max > 0 && rows.size() > max) {
            complete = false;
            rows = o.reverse() ? rows.subList(rows.size() - max, rows.size()) : rows.subList(0, max);
        }
        List<SortKeyValue> values = new ArrayList<>();
        for (String[] r : rows) {
            values.add(new SortKeyValue(b(r[1]), o.noValue() ? new byte[0] : b(r[2])));
        }
        return new MultiGetResult(complete, values);
    }

    static MultiGetSortKeysResult sortKeys(TreeMap<String, String> all, byte[] hk) {
        List<byte[]> keys = new ArrayList<>();
        for (String[] r : rows(all, s(hk), "", true, "", false)) {
            keys.add(b(r[1]));
        }
        return new MultiGetSortKeysResult(true, keys);
    }

    /** getScanner(hk, start, stop, options). */
    static EnifScanner hashScanner(TreeMap<String, String> all, Object[] args) {
        ScanOptions o = (ScanOptions) args[3];
        List<String[]> rows = rows(
                all,
                s((byte[]) args[0]),
                s((byte[]) args[1]),
                o.startInclusive(),
                s((byte[]) args[2]),
                o.stopInclusive());
        rows.removeIf(r -> !filter(o.sortKeyFilterType(), o.sortKeyFilterPattern(), r[1]));
        return scanner(rows, o.noValue());
    }

    /** getUnorderedScanners(maxSplitCount, options): one scanner per partition when maxSplitCount allows. */
    static List<EnifScanner> unorderedScanners(TreeMap<String, String> all, int partitionCount, Object[] args) {
        ScanOptions o = (ScanOptions) args[1];
        List<List<String[]>> byPartition = new ArrayList<>();
        for (int i = 0; i < partitionCount; i++) {
            byPartition.add(new ArrayList<>());
        }
        all.forEach((key, value) -> {
            int zero = key.indexOf('\0');
            String hk = key.substring(0, zero);
            String sk = key.substring(zero + 1);
            if (filter(o.hashKeyFilterType(), o.hashKeyFilterPattern(), hk)
                    && filter(o.sortKeyFilterType(), o.sortKeyFilterPattern(), sk)) {
                long hash = KeyCodec.partitionHash(KeyCodec.encode(b(hk), b(sk)));
                byPartition.get(KeyCodec.partitionIndex(hash, partitionCount)).add(new String[] {hk, sk, value});
            }
        });
        List<EnifScanner> scanners = new ArrayList<>();
        for (List<String[]> rows : byPartition) {
            scanners.add(scanner(rows, o.noValue()));
        }
        return scanners;
    }

    private static EnifScanner scanner(List<String[]> rows, boolean noValue) {
        Iterator<String[]> it = rows.iterator();
        return new EnifScanner() {
            @Override
            public ScanRecord next() {
                if (!it.hasNext()) {
                    return null;
                }
                String[] r = it.next();
                return new ScanRecord(b(r[0]), b(r[1]), noValue ? new byte[0] : b(r[2]));
            }

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public CompletableFuture<ScanRecord> asyncNext() {
                return CompletableFuture.completedFuture(next());
            }

            @Override
            public void close() {}
        };
    }

    private static boolean passes(CheckType type, String value, byte[] operand) {
        String op = s(operand);
        return switch (type) {
            case NO_CHECK -> true;
            case VALUE_NOT_EXIST -> value == null;
            case VALUE_EXIST -> value != null;
            case VALUE_NOT_EMPTY -> value != null && !value.isEmpty();
            case VALUE_BYTES_EQUAL -> value != null && value.equals(op);
            case VALUE_MATCH_PREFIX -> value != null && value.startsWith(op);
            case VALUE_INT_LESS -> value != null && Long.parseLong(value) < Long.parseLong(op);
            default -> throw new UnsupportedOperationException(type.name());
        };
    }

    /** checkAndSet(hk, checkSk, type, operand, setSk, setValue, options, timeout). */
    static CheckAndSetResult checkAndSet(TreeMap<String, String> all, Object[] args) {
        String hk = s((byte[]) args[0]);
        String old = all.get(hk + "\0" + s((byte[]) args[1]));
        boolean pass = passes((CheckType) args[2], old, (byte[]) args[3]);
        if (pass) {
            all.put(hk + "\0" + s((byte[]) args[4]), s((byte[]) args[5]));
        }
        boolean ret = ((CheckAndSetOptions) args[6]).returnCheckValue();
        return new CheckAndSetResult(pass, ret, ret && old != null, ret && old != null ? b(old) : null);
    }

    /** checkAndMutate(hk, checkSk, type, operand, mutations, options, timeout). */
    static CheckAndMutateResult checkAndMutate(TreeMap<String, String> all, Object[] args) {
        String hk = s((byte[]) args[0]);
        String old = all.get(hk + "\0" + s((byte[]) args[1]));
        boolean pass = passes((CheckType) args[2], old, (byte[]) args[3]);
        if (pass) {
            for (Mutations.Mutation m : ((Mutations) args[4]).list()) {
                if (m.kind() == Mutations.Kind.PUT) {
                    all.put(hk + "\0" + s(m.sortKey()), s(m.value()));
                } else {
                    all.remove(hk + "\0" + s(m.sortKey()));
                }
            }
        }
        boolean ret = ((io.enif.client.CheckAndMutateOptions) args[5]).returnCheckValue();
        return new CheckAndMutateResult(pass, ret, ret && old != null, ret && old != null ? b(old) : null);
    }
}
