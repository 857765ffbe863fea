package io.enif.shell;

import io.enif.client.EnifScanner;
import io.enif.client.ScanOptions;
import io.enif.client.ScanRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * {@code count_data}: counts the current table's rows by scanning every partition (Enif always counts precisely, so
 * {@code -c} is accepted and changes nothing), with Pegasus's filters, {@code -p} one partition, {@code -b} scan batch
 * size, {@code -d} distinct hash keys, {@code -a} key and value sizes, {@code -n} the largest rows, {@code -r} a time
 * limit in seconds and {@code -j} JSON.
 */
final class CountData {
    private CountData() {}

    /** Counts of one partition. */
    private static final class Count {
        long rows;
        long hashKeys;
        long keyBytes;
        long valueBytes;
        final Set<String> seenHashKeys = new HashSet<>();
    }

    /** One of the largest rows for {@code -n}. */
    private record Big(byte[] hashKey, byte[] sortKey, long size) {}

    static void run(Session s, List<String> words) {
        // -c alone (Pegasus 1.x) or -c true|false (2.x): Enif always counts precisely
        List<String> rest = new ArrayList<>(words);
        int precise = rest.indexOf("-c");
        if (precise >= 0) {
            rest.remove(precise);
            if (precise < rest.size()
                    && (rest.get(precise).equalsIgnoreCase("true")
                            || rest.get(precise).equalsIgnoreCase("false"))) {
                rest.remove(precise);
            }
        }
        CommandArgs a = CommandArgs.parse(
                        "count_data",
                        rest,
                        Set.of("-d", "-a", "-j"),
                        Set.of("-p", "-b", "-t", "-h", "-x", "-s", "-y", "-v", "-z", "-n", "-r"))
                .expect(0, 0, Usage.of("count_data").substring("count_data ".length()));
        Filter hashKeys = Filter.of(a, "count_data", "-h", "-x", true);
        Filter sortKeys = Filter.of(a, "count_data", "-s", "-y", true);
        Filter values = Filter.of(a, "count_data", "-v", "-z", true);
        int batch = a.intValue("-b", ScanOptions.DEFAULT_BATCH_SIZE);
        if (batch <= 0) {
            throw new UsageException("count_data: -b max_batch_count must be positive, got " + batch);
        }
        int top = a.intValue("-n", 0);
        long runSeconds = a.longValue("-r", 0);
        boolean sizes = a.has("-a") || top > 0;
        ScanOptions options = ScanCommands.options(s, a, hashKeys, sortKeys, values.isNone() && !sizes)
                .withBatchSize(batch);
        int partitionCount = s.table().partitionCount();
        int only = a.intValue("-p", -1);
        if (a.hasValue("-p") && (only < 0 || only >= partitionCount)) {
            throw new UsageException("count_data: -p partition must be in [0," + partitionCount + "), got " + only);
        }
        long deadline = runSeconds > 0 ? System.nanoTime() + runSeconds * 1_000_000_000L : Long.MAX_VALUE;
        PriorityQueue<Big> largest = new PriorityQueue<>(Comparator.comparingLong(Big::size));
        Map<Integer, Count> counts = new LinkedHashMap<>();
        boolean stopped = false;
        List<EnifScanner> scanners = s.table().getUnorderedScanners(partitionCount, options);
        try {
            for (int i = 0; i < scanners.size() && !stopped; i++) {
                if (only >= 0 && only != i) {
                    continue;
                }
                Count c = counts.computeIfAbsent(i, k -> new Count());
                ScanRecord r;
                while ((r = scanners.get(i).next()) != null) {
                    if (!(hashKeys.matches(r.hashKey())
                            && sortKeys.matches(r.sortKey())
                            && values.matches(r.value()))) {
                        continue;
                    }
                    c.rows++;
                    if (a.has("-d") && c.seenHashKeys.add(Arrays.toString(r.hashKey()))) {
                        c.hashKeys++;
                    }
                    c.keyBytes += r.hashKey().length + r.sortKey().length;
                    c.valueBytes += r.value().length;
                    if (top > 0) {
                        largest.add(new Big(
                                r.hashKey(),
                                r.sortKey(),
                                (long) r.hashKey().length + r.sortKey().length + r.value().length));
                        if (largest.size() > top) {
                            largest.poll();
                        }
                    }
                    if (System.nanoTime() > deadline) {
                        stopped = true;
                        break;
                    }
                }
            }
        } finally {
            scanners.forEach(EnifScanner::close);
        }
        print(s, a, counts, largest, stopped);
    }

    private static void print(
            Session s, CommandArgs a, Map<Integer, Count> counts, PriorityQueue<Big> largest, boolean stopped) {
        List<Map<String, Object>> rows = new ArrayList<>();
        long total = 0;
        long totalHashKeys = 0;
        long totalKeyBytes = 0;
        long totalValueBytes = 0;
        for (Map.Entry<Integer, Count> e : counts.entrySet()) {
            Count c = e.getValue();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pidx", e.getKey());
            row.put("row_count", c.rows);
            if (a.has("-d")) {
                row.put("hash_key_count", c.hashKeys);
            }
            if (a.has("-a")) {
                row.put("key_size", c.keyBytes);
                row.put("value_size", c.valueBytes);
            }
            rows.add(row);
            total += c.rows;
            totalHashKeys += c.hashKeys;
            totalKeyBytes += c.keyBytes;
            totalValueBytes += c.valueBytes;
        }
        List<Big> biggest = new ArrayList<>(largest);
        biggest.sort(Comparator.comparingLong(Big::size).reversed());
        if (a.has("-j")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("partitions", rows);
            doc.put("row_count", total);
            if (a.has("-d")) {
                doc.put("hash_key_count", totalHashKeys);
            }
            if (a.has("-a")) {
                doc.put("key_size", totalKeyBytes);
                doc.put("value_size", totalValueBytes);
            }
            List<Map<String, Object>> topRows = new ArrayList<>();
            for (Big b : biggest) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("hash_key", s.j(b.hashKey()));
                row.put("sort_key", s.j(b.sortKey()));
                row.put("size", b.size());
                topRows.add(row);
            }
            if (!topRows.isEmpty()) {
                doc.put("top_rows", topRows);
            }
            doc.put("completed", !stopped);
            s.out.println(Format.json(doc));
            return;
        }
        List<String> columns = rows.isEmpty()
                ? List.of("pidx", "row_count")
                : List.copyOf(rows.get(0).keySet());
        TableCommands.printRows(s, rows, columns);
        if (!biggest.isEmpty()) {
            s.out.println();
            s.out.println("[top_rows]");
            for (Big b : biggest) {
                s.out.println(s.q(b.hashKey()) + " : " + s.q(b.sortKey()) + "  size=" + b.size());
            }
        }
        if (a.has("-d") || a.has("-a")) {
            s.out.println();
        }
        if (a.has("-d")) {
            s.out.println("hash_key_count: " + totalHashKeys);
        }
        if (a.has("-a")) {
            s.out.println("key_size: " + totalKeyBytes + " bytes, value_size: " + totalValueBytes + " bytes");
        }
        s.out.println();
        // the last line, as in Pegasus: operators' scripts parse it
        if (stopped) {
            s.out.println("Terminated by run_seconds, counted " + total + " rows so far.");
        } else {
            s.out.println("Count done, total " + total + " rows.");
        }
    }
}
