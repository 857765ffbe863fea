package io.enif.shell;

import static io.enif.shell.Format.bytes;

import io.enif.client.EnifScanner;
import io.enif.client.MultiGetOptions;
import io.enif.client.MultiGetResult;
import io.enif.client.MultiGetSortKeysResult;
import io.enif.client.ScanOptions;
import io.enif.client.ScanRecord;
import io.enif.client.SortKeyValue;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The sort-key range commands of one hash key: multi_get_range, multi_get_sortkeys, multi_del_range. */
final class RangeCommands {
    /** Sort keys deleted per multi_del of multi_del_range (which walks the range with a scanner). */
    static final int DEL_BATCH = 100;

    private RangeCommands() {}

    static void register(Map<String, Shell.Command> commands) {
        commands.put("multi_get_range", RangeCommands::multiGetRange);
        commands.put("multi_get_sortkeys", RangeCommands::multiGetSortKeys);
        commands.put("multi_del_range", RangeCommands::multiDelRange);
    }

    /** The range options from {@code -a -b -s -y} (and {@code -i -r} for multi_get_range). */
    private static MultiGetOptions options(CommandArgs a, String command) {
        Filter filter = Filter.of(a, command, "-s", "-y", false);
        return MultiGetOptions.defaults()
                .withStartInclusive(a.boolValue("-a", true))
                .withStopInclusive(a.boolValue("-b", false))
                .withSortKeyFilter(filter.serverType(), filter.serverPattern());
    }

    private static void multiGetRange(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse(
                        "multi_get_range", words, Set.of("-i", "-r", "-j"), Set.of("-a", "-b", "-s", "-y", "-n"))
                .expect(
                        3,
                        3,
                        "<hash_key> <start_sort_key> <stop_sort_key> [-a start_inclusive] [-b stop_inclusive]"
                                + " [-s anywhere|prefix|postfix] [-y pattern] [-n max_count] [-i] [-r] [-j]");
        byte[] hk = bytes(a.get(0));
        byte[] start = bytes(a.get(1));
        byte[] stop = bytes(a.get(2));
        int maxCount = a.intValue("-n", -1);
        MultiGetOptions options =
                options(a, "multi_get_range").withNoValue(a.has("-i")).withReverse(a.has("-r"));
        MultiGetResult result = s.table().multiGet(hk, start, stop, options, maxCount, -1, s.timeoutMillis);
        if (a.has("-j")) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (SortKeyValue kv : result.values()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("hash_key", s.j(hk));
                row.put("sort_key", s.j(kv.sortKey()));
                if (!a.has("-i")) {
                    row.put("value", s.j(kv.value()));
                }
                rows.add(row);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("rows", rows);
            doc.put("count", rows.size());
            doc.put("fetch_completed", result.allFetched());
            doc.putAll(s.trailerFields(hk, start));
            s.out.println(Format.json(doc));
            return;
        }
        s.out.println("hash_key: " + s.q(hk));
        s.out.println("start_sort_key: " + s.q(start));
        s.out.println("start_inclusive: " + options.startInclusive());
        s.out.println("stop_sort_key: " + s.q(stop));
        s.out.println("stop_inclusive: " + options.stopInclusive());
        s.out.println("sort_key_filter_type: " + a.value("-s", "no_filter"));
        if (a.hasValue("-s")) {
            s.out.println("sort_key_filter_pattern: " + s.q(bytes(a.value("-y", ""))));
        }
        s.out.println("max_count: " + maxCount);
        s.out.println("no_value: " + a.has("-i"));
        s.out.println("reverse: " + a.has("-r"));
        s.out.println();
        for (SortKeyValue kv : result.values()) {
            s.out.println(s.q(hk) + " : " + s.q(kv.sortKey()) + (a.has("-i") ? "" : " => " + s.q(kv.value())));
        }
        if (!result.values().isEmpty()) {
            s.out.println();
        }
        s.out.println(result.values().size() + " key-value pairs got, fetch "
                + (result.allFetched() ? "completed." : "not completed."));
        s.trailer(hk, start);
    }

    private static void multiGetSortKeys(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse("multi_get_sortkeys", words, Set.of("-j"), Set.of())
                .expect(1, 1, "<hash_key> [-j]");
        byte[] hk = bytes(a.get(0));
        MultiGetSortKeysResult result = s.table().multiGetSortKeys(hk, -1, -1, s.timeoutMillis);
        if (a.has("-j")) {
            List<String> keys = new ArrayList<>();
            result.sortKeys().forEach(k -> keys.add(s.j(k)));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("hash_key", s.j(hk));
            doc.put("sort_keys", keys);
            doc.put("count", keys.size());
            doc.put("fetch_completed", result.allFetched());
            doc.putAll(s.trailerFields(hk, new byte[0]));
            s.out.println(Format.json(doc));
            return;
        }
        for (byte[] sk : result.sortKeys()) {
            s.out.println(s.q(sk));
        }
        s.out.println();
        s.out.println(result.sortKeys().size() + " sort keys got, fetch "
                + (result.allFetched() ? "completed." : "not completed."));
        s.trailer(hk, new byte[0]);
    }

    private static void multiDelRange(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse(
                        "multi_del_range", words, Set.of("-i", "-j"), Set.of("-a", "-b", "-s", "-y", "-o"))
                .expect(
                        3,
                        3,
                        "<hash_key> <start_sort_key> <stop_sort_key> [-a start_inclusive] [-b stop_inclusive]"
                                + " [-s anywhere|prefix|postfix] [-y pattern] [-o file] [-i] [-j]");
        byte[] hk = bytes(a.get(0));
        byte[] start = bytes(a.get(1));
        byte[] stop = bytes(a.get(2));
        MultiGetOptions options = options(a, "multi_del_range");
        boolean silent = a.has("-i") || a.has("-j");
        if (!a.has("-j")) {
            s.out.println("hash_key: " + s.q(hk));
            s.out.println("start_sort_key: " + s.q(start));
            s.out.println("start_inclusive: " + options.startInclusive());
            s.out.println("stop_sort_key: " + s.q(stop));
            s.out.println("stop_inclusive: " + options.stopInclusive());
            s.out.println("sort_key_filter_type: " + a.value("-s", "no_filter"));
            if (a.hasValue("-s")) {
                s.out.println("sort_key_filter_pattern: " + s.q(bytes(a.value("-y", ""))));
            }
            s.out.println("silent: " + a.has("-i"));
            s.out.println();
        }
        PrintWriter keysOut = a.hasValue("-o") ? open(a.value("-o", "")) : s.out;
        List<String> deletedKeys = new ArrayList<>();
        int deleted = 0;
        ScanOptions scan = ScanOptions.defaults()
                .withTimeoutMillis(s.timeoutMillis)
                .withInclusive(options.startInclusive(), options.stopInclusive())
                .withSortKeyFilter(options.sortKeyFilterType(), options.sortKeyFilterPattern())
                .withNoValue(true);
        try (EnifScanner scanner = s.table().getScanner(hk, start, stop, scan)) {
            List<byte[]> batch = new ArrayList<>();
            ScanRecord r;
            do {
                r = scanner.next();
                if (r != null) {
                    batch.add(r.sortKey());
                }
                if (!batch.isEmpty() && (batch.size() >= DEL_BATCH || r == null)) {
                    s.table().multiDel(hk, batch, s.timeoutMillis);
                    for (byte[] sk : batch) {
                        if (a.has("-j")) {
                            deletedKeys.add(s.j(sk));
                        }
                        if (!silent) {
                            keysOut.println("Deleted: " + s.q(sk));
                        }
                    }
                    deleted += batch.size();
                    batch = new ArrayList<>();
                }
            } while (r != null);
        } finally {
            if (keysOut != s.out) {
                keysOut.close();
            }
        }
        if (a.has("-j")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("hash_key", s.j(hk));
            doc.put("deleted_sort_keys", deletedKeys);
            doc.put("deleted_count", deleted);
            s.out.println(Format.json(doc));
            return;
        }
        if (keysOut == s.out && !silent && deleted > 0) {
            s.out.println();
        }
        s.out.println("OK, " + deleted + " sort keys deleted.");
    }

    static PrintWriter open(String file) {
        try {
            return new PrintWriter(Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot write " + file + ": " + e.getMessage(), e));
        }
    }
}
