package io.enif.shell;

import static io.enif.shell.Format.bytes;

import io.enif.client.MultiGetResult;
import io.enif.client.SortKeyValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data commands on the current table: set, get, del, exist, ttl, incr, multi_set, multi_get, multi_del, count.
 * Each prints Pegasus's result words and the trailer (app_id, partition_index, server), or with {@code -j} one JSON
 * document holding both.
 */
final class DataCommands {
    private DataCommands() {}

    static void register(Map<String, Shell.Command> commands) {
        commands.put("set", DataCommands::set);
        commands.put("get", DataCommands::get);
        commands.put("del", DataCommands::del);
        commands.put("exist", DataCommands::exist);
        commands.put("ttl", DataCommands::ttl);
        commands.put("incr", DataCommands::incr);
        commands.put("multi_set", DataCommands::multiSet);
        commands.put("multi_get", DataCommands::multiGet);
        commands.put("multi_del", DataCommands::multiDel);
        commands.put("count", DataCommands::count);
        commands.put("sortkey_count", DataCommands::count);
    }

    private static CommandArgs args(String name, List<String> words, int min, int max, String usage) {
        return CommandArgs.parse(name, words, Set.of("-j"), Set.of()).expect(min, max, usage + " [-j]");
    }

    /**
     * Prints a single-key result: {@code text} and the trailer, or with {@code -j} the JSON document of {@code fields}
     * plus the trailer's fields.
     */
    private static void result(
            Session s, CommandArgs a, byte[] hk, byte[] sk, String text, Map<String, Object> fields) {
        if (a.has("-j")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("hash_key", s.j(hk));
            if (sk != null) {
                doc.put("sort_key", s.j(sk));
            }
            doc.putAll(fields);
            doc.putAll(s.trailerFields(hk, sk == null ? new byte[0] : sk));
            s.out.println(Format.json(doc));
            return;
        }
        s.out.println(text);
        s.trailer(hk, sk == null ? new byte[0] : sk);
    }

    private static Map<String, Object> field(String name, Object value) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(name, value);
        return fields;
    }

    private static void set(Session s, List<String> words) {
        CommandArgs a = args("set", words, 3, 4, "<hash_key> <sort_key> <value> [ttl_in_seconds]");
        int ttl = a.positional().size() == 4 ? CommandArgs.toInt("set", "ttl", a.get(3)) : 0;
        if (ttl < 0) {
            throw new UsageException("set: ttl must not be negative");
        }
        byte[] hk = bytes(a.get(0));
        byte[] sk = bytes(a.get(1));
        s.table().set(hk, sk, bytes(a.get(2)), ttl, s.timeoutMillis);
        result(s, a, hk, sk, "OK", field("result", "OK"));
    }

    private static void get(Session s, List<String> words) {
        CommandArgs a = args("get", words, 2, 2, "<hash_key> <sort_key>");
        byte[] hk = bytes(a.get(0));
        byte[] sk = bytes(a.get(1));
        byte[] value = s.table().get(hk, sk, s.timeoutMillis);
        Map<String, Object> fields = field("found", value != null);
        fields.put("value", value == null ? null : s.j(value));
        result(s, a, hk, sk, value == null ? "Not found" : s.q(value), fields);
    }

    private static void del(Session s, List<String> words) {
        CommandArgs a = args("del", words, 2, 2, "<hash_key> <sort_key>");
        byte[] hk = bytes(a.get(0));
        byte[] sk = bytes(a.get(1));
        s.table().del(hk, sk, s.timeoutMillis);
        result(s, a, hk, sk, "OK", field("result", "OK"));
    }

    private static void exist(Session s, List<String> words) {
        CommandArgs a = args("exist", words, 2, 2, "<hash_key> <sort_key>");
        byte[] hk = bytes(a.get(0));
        byte[] sk = bytes(a.get(1));
        boolean exists = s.table().exist(hk, sk, s.timeoutMillis);
        result(s, a, hk, sk, exists ? "True" : "False", field("exist", exists));
    }

    private static void ttl(Session s, List<String> words) {
        CommandArgs a = args("ttl", words, 2, 2, "<hash_key> <sort_key>");
        byte[] hk = bytes(a.get(0));
        byte[] sk = bytes(a.get(1));
        int ttl = s.table().ttl(hk, sk, s.timeoutMillis);
        String text = ttl == -2 ? "Not found" : ttl == -1 ? "Infinite" : Integer.toString(ttl);
        Map<String, Object> fields = field("found", ttl != -2);
        fields.put("ttl_seconds", ttl == -2 ? null : ttl);
        result(s, a, hk, sk, text, fields);
    }

    private static void incr(Session s, List<String> words) {
        CommandArgs a = args("incr", words, 2, 3, "<hash_key> <sort_key> [increment]");
        long increment = 1;
        if (a.positional().size() == 3) {
            try {
                increment = Long.parseLong(a.get(2));
            } catch (NumberFormatException e) {
                throw new UsageException("incr: increment must be an integer, got '" + a.get(2) + "'");
            }
        }
        byte[] hk = bytes(a.get(0));
        byte[] sk = bytes(a.get(1));
        long value = s.table().incr(hk, sk, increment, s.timeoutMillis);
        result(s, a, hk, sk, Long.toString(value), field("new_value", value));
    }

    private static void multiSet(Session s, List<String> words) {
        CommandArgs a =
                args("multi_set", words, 3, Integer.MAX_VALUE, "<hash_key> <sort_key> <value> [sort_key value...]");
        if (a.positional().size() % 2 == 0) {
            throw new UsageException("USAGE: multi_set <hash_key> <sort_key> <value> [sort_key value...]");
        }
        List<SortKeyValue> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < a.positional().size(); i += 2) {
            if (!seen.add(a.get(i))) {
                throw new UsageException("multi_set: duplicate sort key " + a.get(i));
            }
            values.add(new SortKeyValue(bytes(a.get(i)), bytes(a.get(i + 1))));
        }
        byte[] hk = bytes(a.get(0));
        s.table().multiSet(hk, values, 0, s.timeoutMillis);
        Map<String, Object> fields = field("result", "OK");
        fields.put("count", values.size());
        result(s, a, hk, null, "OK", fields);
    }

    private static void multiGet(Session s, List<String> words) {
        CommandArgs a = args("multi_get", words, 1, Integer.MAX_VALUE, "<hash_key> [sort_key...]");
        byte[] hk = bytes(a.get(0));
        List<byte[]> sortKeys = new ArrayList<>();
        for (String sk : a.positional().subList(1, a.positional().size())) {
            sortKeys.add(bytes(sk));
        }
        MultiGetResult result = s.table().multiGet(hk, sortKeys, s.timeoutMillis);
        if (a.has("-j")) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (SortKeyValue kv : result.values()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("sort_key", s.j(kv.sortKey()));
                row.put("value", s.j(kv.value()));
                rows.add(row);
            }
            Map<String, Object> fields = field("rows", rows);
            fields.put("count", rows.size());
            fields.put("fetch_completed", result.allFetched());
            result(s, a, hk, null, "", fields);
            return;
        }
        for (SortKeyValue kv : result.values()) {
            s.out.println(s.q(hk) + " : " + s.q(kv.sortKey()) + " => " + s.q(kv.value()));
        }
        s.out.println();
        s.out.println(result.values().size() + " key-value pairs got, fetch "
                + (result.allFetched() ? "completed." : "not completed."));
        s.trailer(hk, sortKeys.isEmpty() ? new byte[0] : sortKeys.get(0));
    }

    private static void multiDel(Session s, List<String> words) {
        CommandArgs a = args("multi_del", words, 2, Integer.MAX_VALUE, "<hash_key> <sort_key> [sort_key...]");
        byte[] hk = bytes(a.get(0));
        List<byte[]> sortKeys = new ArrayList<>();
        for (String sk : a.positional().subList(1, a.positional().size())) {
            sortKeys.add(bytes(sk));
        }
        s.table().multiDel(hk, sortKeys, s.timeoutMillis);
        result(s, a, hk, null, sortKeys.size() + " key-value pairs deleted.", field("deleted_count", sortKeys.size()));
    }

    private static void count(Session s, List<String> words) {
        CommandArgs a = args("count", words, 1, 1, "<hash_key>");
        byte[] hk = bytes(a.get(0));
        long count = s.table().sortKeyCount(hk, s.timeoutMillis);
        String text = count < 0 ? "it takes too long to count sortkey" : Long.toString(count);
        result(s, a, hk, null, text, field("count", count));
    }
}
