package io.enif.shell;

import static io.enif.shell.Format.bytes;

import io.enif.client.EnifScanner;
import io.enif.client.ScanOptions;
import io.enif.client.ScanRecord;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scan commands: hash_scan (one hash key, in sort-key order) and full_scan (every partition, unordered), with
 * Pegasus's flags: key filters sent to the server, {@code exact} and value filters checked here, {@code -o} to a
 * file, {@code -n} max rows, {@code -d} the partition and server of each row, {@code -i} keys only, {@code -j} JSON.
 */
final class ScanCommands {
    private ScanCommands() {}

    static void register(Map<String, Shell.Command> commands) {
        commands.put("hash_scan", ScanCommands::hashScan);
        commands.put("full_scan", ScanCommands::fullScan);
        commands.put("count_data", CountData::run);
    }

    /** Scan options from the shared flags: {@code -t} timeout, batch size, key filters, no value. */
    static ScanOptions options(Session s, CommandArgs a, Filter hashKeyFilter, Filter sortKeyFilter, boolean noValue) {
        int timeout = a.intValue("-t", s.timeoutMillis);
        if (timeout <= 0) {
            throw new UsageException("-t timeout_ms must be positive, got " + timeout);
        }
        return ScanOptions.defaults()
                .withTimeoutMillis(timeout)
                .withHashKeyFilter(hashKeyFilter.serverType(), hashKeyFilter.serverPattern())
                .withSortKeyFilter(sortKeyFilter.serverType(), sortKeyFilter.serverPattern())
                .withNoValue(noValue);
    }

    private static void hashScan(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse(
                        "hash_scan",
                        words,
                        Set.of("-d", "-i", "-j"),
                        Set.of("-a", "-b", "-s", "-y", "-v", "-z", "-o", "-n", "-t"))
                .expect(3, 3, Usage.of("hash_scan").substring("hash_scan ".length()));
        byte[] hk = bytes(a.get(0));
        Filter sortKeys = Filter.of(a, "hash_scan", "-s", "-y", true);
        Filter values = Filter.of(a, "hash_scan", "-v", "-z", true);
        boolean noValue = a.has("-i") && values.isNone();
        ScanOptions options = options(s, a, Filter.NONE, sortKeys, noValue)
                .withInclusive(a.boolValue("-a", true), a.boolValue("-b", false));
        if (!a.has("-j")) {
            s.out.println("hash_key: " + s.q(hk));
            s.out.println("start_sort_key: " + s.q(bytes(a.get(1))));
            s.out.println("start_inclusive: " + options.startInclusive());
            s.out.println("stop_sort_key: " + s.q(bytes(a.get(2))));
            s.out.println("stop_inclusive: " + options.stopInclusive());
            echoFilter(s, "sort_key", sortKeys);
            echoFilter(s, "value", values);
            echoCommon(s, a, options);
        }
        Rows rows = new Rows(s, a);
        int pidx = s.partitionIndex(hk, new byte[0]);
        try (EnifScanner scanner = s.table().getScanner(hk, bytes(a.get(1)), bytes(a.get(2)), options)) {
            rows.drain(scanner, sortKeys, values, pidx);
        } finally {
            rows.finish();
        }
    }

    private static void fullScan(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse(
                        "full_scan",
                        words,
                        Set.of("-d", "-i", "-j"),
                        Set.of("-h", "-x", "-s", "-y", "-v", "-z", "-o", "-n", "-t", "-p"))
                .expect(0, 0, Usage.of("full_scan").substring("full_scan ".length()));
        Filter hashKeys = Filter.of(a, "full_scan", "-h", "-x", true);
        Filter sortKeys = Filter.of(a, "full_scan", "-s", "-y", true);
        Filter values = Filter.of(a, "full_scan", "-v", "-z", true);
        ScanOptions options = options(s, a, hashKeys, sortKeys, a.has("-i") && values.isNone());
        int partitionCount = s.table().partitionCount();
        int only = a.intValue("-p", -1);
        if (a.hasValue("-p") && (only < 0 || only >= partitionCount)) {
            throw new UsageException("full_scan: -p partition must be in [0," + partitionCount + "), got " + only);
        }
        if (!a.has("-j")) {
            s.out.println("partition: " + (only < 0 ? "all" : Integer.toString(only)));
            echoFilter(s, "hash_key", hashKeys);
            echoFilter(s, "sort_key", sortKeys);
            echoFilter(s, "value", values);
            echoCommon(s, a, options);
        }
        List<EnifScanner> scanners = s.table().getUnorderedScanners(partitionCount, options);
        Rows rows = new Rows(s, a);
        try {
            for (int i = 0; i < scanners.size() && !rows.full(); i++) {
                if (only < 0 || only == i) {
                    rows.drain(scanners.get(i), hashKeys, sortKeys, values, i);
                }
            }
        } finally {
            scanners.forEach(EnifScanner::close);
            rows.finish();
        }
    }

    private static void echoFilter(Session s, String what, Filter filter) {
        s.out.println(what + "_filter_type: " + filter.type());
        if (!filter.type().equals("no_filter")) {
            s.out.println(what + "_filter_pattern: " + s.q(filter.pattern()));
        }
    }

    private static void echoCommon(Session s, CommandArgs a, ScanOptions options) {
        s.out.println("max_count: " + a.intValue("-n", -1));
        s.out.println("timeout_ms: " + options.timeoutMillis());
        s.out.println("detailed: " + a.has("-d"));
        s.out.println("no_value: " + a.has("-i"));
        s.out.println();
    }

    /** Prints (or collects for JSON) the rows of a scan, up to {@code -n} ({@code <= 0}: all), then the count. */
    private static final class Rows {
        private final Session s;
        private final CommandArgs a;
        private final PrintWriter target;
        private final int maxCount;
        private final List<Map<String, Object>> json = new ArrayList<>();
        private int count;

        Rows(Session s, CommandArgs a) {
            this.s = s;
            this.a = a;
            this.target = a.hasValue("-o") ? RangeCommands.open(a.value("-o", "")) : s.out;
            this.maxCount = a.intValue("-n", -1);
        }

        boolean full() {
            return maxCount > 0 && count >= maxCount;
        }

        void drain(EnifScanner scanner, Filter sortKeys, Filter values, int pidx) {
            drain(scanner, Filter.NONE, sortKeys, values, pidx);
        }

        void drain(EnifScanner scanner, Filter hashKeys, Filter sortKeys, Filter values, int pidx) {
            ScanRecord r;
            while (!full() && (r = scanner.next()) != null) {
                if (hashKeys.matches(r.hashKey()) && sortKeys.matches(r.sortKey()) && values.matches(r.value())) {
                    add(r, pidx);
                }
            }
        }

        private void add(ScanRecord r, int pidx) {
            count++;
            boolean withValue = !a.has("-i");
            if (a.has("-j")) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("hash_key", s.j(r.hashKey()));
                row.put("sort_key", s.j(r.sortKey()));
                if (withValue) {
                    row.put("value", s.j(r.value()));
                }
                if (a.has("-d")) {
                    row.put("app_id", s.table().appId());
                    row.put("partition_index", pidx);
                    row.put("server", s.server(pidx));
                }
                json.add(row);
                return;
            }
            String line = s.q(r.hashKey()) + " : " + s.q(r.sortKey()) + (withValue ? " => " + s.q(r.value()) : "");
            if (a.has("-d")) {
                line += " {app_id=" + s.table().appId() + ", partition_index=" + pidx + ", server=" + s.server(pidx)
                        + "}";
            }
            target.println(line);
        }

        void finish() {
            if (target != s.out) {
                target.close();
            }
            if (a.has("-j")) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("rows", json);
                doc.put("count", count);
                s.out.println(Format.json(doc));
                return;
            }
            if (target == s.out && count > 0) {
                s.out.println();
            }
            s.out.println(count + " key-value pairs got.");
        }
    }
}
